using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>Step 5: why the route is dangerous for this child, the subjective factors (optional) and the period.</summary>
public sealed class BegrunnelseModel(ISender sender) : ApplicationPageModel(sender)
{
    [BindProperty]
    public ReasonsInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "begrunnelse", cancellationToken) is { } stop)
        {
            return stop;
        }

        Input = new ReasonsInput
        {
            Text = Case.Application.Reasons.Text,
            Factors = Case.Application.Reasons.Factors.ToDictionary(f => f.Key.ToString(), f => (string?)f.Value),
            Period = Case.Application.Period.ToString(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var factors = new Dictionary<SubjectiveFactor, string>();
        foreach (var factor in Enum.GetValues<SubjectiveFactor>())
        {
            if (Input.Factors.TryGetValue(factor.ToString(), out var value) && Blank(value) is { } text)
            {
                factors[factor] = text;
            }
        }

        var period = Enum.TryParse<TransportPeriod>(Input.Period, out var p) && Enum.IsDefined(p) ? p : (TransportPeriod)(-1);
        var result = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new ReasonsStep(new ApplicationReasons(Input.Text, factors), period)), cancellationToken);
        return await AfterSaveAsync(result, "vedlegg", Field, () => Task.CompletedTask);
    }

    private static string Field(string key) => key switch
    {
        "Reasons.Text" => "Input.Text",
        "Period" => "Input.Period",
        _ => string.Empty,
    };

    public sealed class ReasonsInput
    {
        public string? Text { get; set; }

        public Dictionary<string, string?> Factors { get; set; } = [];

        public string? Period { get; set; }
    }
}
