using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.RouteAssessments;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Web.Api;
using SkoleskyssSak.Web.Localization;
using LegForm = SkoleskyssSak.Web.Pages.SjekkSkolevegen.IndexModel.LegForm;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>
/// Step 4: the route — pre-assessed segments of the school and/or legs described as in "Sjekk skolevegen".
/// The engine's indicative result is shown as guidance only; a leg without a chosen kind is left out.
/// </summary>
public sealed class SkolevegModel(
    ISender sender,
    IStringLocalizer<SharedResource> text) : ApplicationPageModel(sender)
{
    public const int MaxLegs = AssessRouteValidator.MaxLegs;

    [BindProperty]
    public RouteInput Input { get; set; } = new();

    public IReadOnlyList<DefinedSegment> Segments { get; private set; } = [];

    public AssessRouteResult? Guidance { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "skoleveg", cancellationToken) is { } stop)
        {
            return stop;
        }

        var route = Case.Application.Route;
        Input.SegmentIds = route.DefinedSegmentIds.ToList();
        Input.Legs = route.Legs.Select(RouteLegForm.ToForm).ToList();
        if (Input.Legs.Count == 0)
        {
            Input.Legs.Add(new LegForm());
        }

        await LoadSegmentsAsync(cancellationToken);
        if (route.Legs.Count > 0)
        {
            await AssessAsync(route.Legs, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAddLegAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        if (Input.Legs.Count < MaxLegs)
        {
            Input.Legs.Add(new LegForm { Kind = "along" });
        }

        await LoadSegmentsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveLegAsync(int index, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        if (index >= 0 && index < Input.Legs.Count && Input.Legs.Count > 1)
        {
            Input.Legs.RemoveAt(index);
        }

        await LoadSegmentsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var (legs, _) = ToLegs();
        await LoadSegmentsAsync(cancellationToken);
        if (ModelState.IsValid && legs.Count > 0)
        {
            await AssessAsync(legs, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var (legs, indices) = ToLegs();
        if (!ModelState.IsValid)
        {
            await LoadSegmentsAsync(cancellationToken);
            return Page();
        }

        var ids = (Input.SegmentIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var result = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new RouteStep(new ApplicationRoute(ids, legs))), cancellationToken);
        return await AfterSaveAsync(result, "begrunnelse", key => Field(key, indices), () => LoadSegmentsAsync(cancellationToken));
    }

    /// <summary>"Route.Legs[1].SpeedLimit" of the saved legs → "Input.Legs[2].SpeedLimit" of the form (blank legs are skipped).</summary>
    private static string Field(string key, List<int> indices)
    {
        const string prefix = "Route.Legs[";
        if (key.StartsWith(prefix, StringComparison.Ordinal))
        {
            var end = key.IndexOf(']', StringComparison.Ordinal);
            if (end > prefix.Length && int.TryParse(key[prefix.Length..end], NumberStyles.Integer, CultureInfo.InvariantCulture, out var j) && j < indices.Count)
            {
                return $"Input.Legs[{indices[j]}]{key[(end + 1)..]}";
            }
        }

        return "Input.Route";
    }

    private async Task AssessAsync(IReadOnlyList<RouteLeg> legs, CancellationToken cancellationToken)
    {
        var grade = Case.Application.Child?.Grade ?? 0;
        if (grade is < 1 or > 10)
        {
            return;
        }

        if (await Requests.Send(new AssessRouteQuery(Case.MunicipalityNumber, grade, null, Case.Application.MaxWalkingDistanceKm(), legs), cancellationToken) is { IsOk: true } assessed)
        {
            Guidance = assessed.Value;
        }
    }

    private async Task LoadSegmentsAsync(CancellationToken cancellationToken)
    {
        if (Input.Legs.Count == 0)
        {
            Input.Legs.Add(new LegForm());
        }

        if (Case.SchoolName is null)
        {
            return;
        }

        var list = await Requests.Send(new ListDefinedSegmentsQuery(Case.MunicipalityNumber, Case.SchoolName), cancellationToken);
        Segments = list?.Segments ?? [];
    }

    private (List<RouteLeg> Legs, List<int> Indices) ToLegs() =>
        RouteLegForm.Parse(Input.Legs, "Input.Legs", skipBlank: true, ModelState, text);




    public sealed class RouteInput
    {
        public List<string> SegmentIds { get; set; } = [];

        public List<LegForm> Legs { get; set; } = [];
    }
}
