using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>Edits a pre-assessed segment of a draft (?id=sunnfjord/S-01): the verdict per grade band and the assessment.</summary>
public sealed class StrekningModel(ISender sender) : AdminPageModel
{
    [FromRoute(Name = "versjon")]
    public int Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? SegmentId { get; set; }

    [BindProperty]
    public SegmentForm Form { get; set; } = new();

    public RulebookVersionView? View { get; private set; }

    public DefinedSegment? Segment { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Form = new SegmentForm
        {
            Assessment = Segment!.Assessment,
            Outcomes = View!.Document.GradeBands.ToDictionary(b => b, b => (string?)RulebookOutcomes.BandValue(Segment.Outcomes, b)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await sender.Send(new EditSegmentCommand(Municipality, Number, SegmentId ?? string.Empty, Form.Outcomes, Form.Assessment), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(VersionPath(Number) + "#segments-heading");
        }

        if (Failed(result.Failure, field => "Form." + field) is { } notFound)
        {
            return notFound;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        View = await sender.Send(new GetRulebookVersionQuery(Municipality, Number), cancellationToken);
        Segment = View?.Document.DefinedSegments.FirstOrDefault(s => s.Id == SegmentId);
        return View?.Summary.Status == RulebookStatus.Draft && Segment is not null;
    }

    public sealed class SegmentForm
    {
        public string? Assessment { get; set; }

        public Dictionary<string, string?> Outcomes { get; set; } = [];
    }
}
