using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.SjekkSkolevegen;

/// <summary>
/// "Sjekk skolevegen": a public, plain-language form for a route, answered by the municipality's rulebook.
/// Works without JavaScript (legs are added and removed by posting the form); route-legs.js makes it smooth.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // public, anonymous and side-effect free: nothing to forge
[EnableRateLimiting(RateLimitPolicies.PublicApi)] // its POSTs run the engine as the API does: the same limit, one budget
public sealed class IndexModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxLegs = AssessRouteValidator.MaxLegs;

    public IReadOnlyList<MunicipalitySummary> Municipalities { get; private set; } = [];

    [BindProperty]
    public CheckRouteForm Form { get; set; } = new();

    public AssessRouteResult? Result { get; private set; }

    public async Task OnGetAsync(string? kommune, CancellationToken cancellationToken)
    {
        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        Form.MunicipalityNumber ??= kommune;
        Form.Legs.Add(new LegForm { Kind = "along" });
    }

    public async Task<IActionResult> OnPostAddLegAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Form.Legs.Count < MaxLegs)
        {
            Form.Legs.Add(new LegForm { Kind = "along" });
        }

        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLegAsync(int index, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (index >= 0 && index < Form.Legs.Count && Form.Legs.Count > 1)
        {
            Form.Legs.RemoveAt(index);
        }

        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Municipalities = await sender.Send(new ListMunicipalitiesQuery(), cancellationToken);
        ModelState.Clear(); // messages come from the form's own checks and the validator, in Norwegian
        if (Form.Legs.Count == 0)
        {
            Form.Legs.Add(new LegForm { Kind = "along" });
        }

        var query = ToQuery();
        if (query is null || !ModelState.IsValid)
        {
            return Page();
        }

        var result = await sender.Send(query, cancellationToken);
        if (result.IsOk)
        {
            Result = result.Value;
        }
        else
        {
            ModelState.AddFailure(result.Failure, FormField);
        }

        return Page();
    }

    private AssessRouteQuery? ToQuery()
    {
        if (string.IsNullOrWhiteSpace(Form.MunicipalityNumber))
        {
            ModelState.AddModelError("Form.MunicipalityNumber", text["CheckMunicipalityRequired"]);
        }

        if (Form.Grade is null)
        {
            ModelState.AddModelError("Form.Grade", text["CheckGradeRequired"]);
        }

        decimal? distance = null;
        if (!string.IsNullOrWhiteSpace(Form.DistanceKm))
        {
            if (decimal.TryParse(Form.DistanceKm.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var km))
            {
                distance = km;
            }
            else
            {
                ModelState.AddModelError("Form.DistanceKm", text["CheckNumberInvalid"]);
            }
        }

        var (legs, _) = RouteLegForm.Parse(Form.Legs, "Form.Legs", skipBlank: false, ModelState, text);

        return ModelState.IsValid && Form.Grade is { } grade
            ? new AssessRouteQuery(Form.MunicipalityNumber!, grade, null, distance, legs)
            : null;
    }

    /// <summary>"Legs[1].SpeedLimit" from the validator → "Form.Legs[1].SpeedLimit" of this form.</summary>
    private static string FormField(string property) => property switch
    {
        nameof(AssessRouteQuery.MunicipalityNumber) => "Form.MunicipalityNumber",
        nameof(AssessRouteQuery.Grade) => "Form.Grade",
        nameof(AssessRouteQuery.DistanceKm) => "Form.DistanceKm",
        _ => "Form." + property,
    };



    public sealed class CheckRouteForm
    {
        public string? MunicipalityNumber { get; set; }

        public int? Grade { get; set; }

        public string? DistanceKm { get; set; }

        public List<LegForm> Legs { get; set; } = [];
    }

    public sealed class LegForm
    {
        public string? Kind { get; set; }

        public string? RoadCategory { get; set; }

        public int? SpeedLimit { get; set; }

        public string? Aadt { get; set; }

        public string? PedestrianFacility { get; set; }

        public string? WalkableSideArea { get; set; }

        public string? Lighting { get; set; }

        public string? CrossingFacility { get; set; }

        public bool? Secured { get; set; }
    }
}
