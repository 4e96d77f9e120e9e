using System.Globalization;
using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Web.Api;
using SkoleskyssSak.Web.Auth;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;
using LegForm = SkoleskyssSak.Web.Pages.SjekkSkolevegen.IndexModel.LegForm;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The caseworker's objective and subjective assessment of a case of their own municipality (another municipality's
/// case: 404). Each section is its own form; a refused or conflicting save shows the page again with what the caseworker
/// typed, the stored assessment above it, and the revision to save on top of.
/// </summary>
[RequestSizeLimit(UploadLimits.AllFiles)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.AllFiles + UploadLimits.FormReaderMargin)]
public sealed class VurderingModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    /// <summary>The leg the correction form is filled from (?strekning=2).</summary>
    [BindProperty(SupportsGet = true, Name = "strekning")]
    public int? ChosenLeg { get; set; }

    /// <summary>The assessment's revision when the form was loaded, as posted (read through <see cref="ConcurrencyTokens.Counter"/>).</summary>
    [BindProperty]
    public string? Revision { get; set; }

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    [BindProperty]
    public DepartureInput Departure { get; set; } = new();

    [BindProperty]
    public SubjectiveInput Subjective { get; set; } = new();

    /// <summary>The manual assessment form of each leg no row covers, by leg number (ManualLegs[2].Reasons).</summary>
    [BindProperty]
    public Dictionary<int, ManualLegInput> ManualLegs { get; set; } = [];

    /// <summary>The leg whose manual assessment form was posted.</summary>
    [BindProperty]
    public int ManualLeg { get; set; }

    public CaseAssessmentView View { get; private set; } = null!;

    public string CasePath => $"/ansatt/saker/{CaseId}";

    public string PagePath => $"{CasePath}/vurdering";

    private string Municipality => User.FindFirstValue(SkoleskyssClaims.MunicipalityNumber) ?? string.Empty;

    private string StaffUserId => User.FindFirstValue(SkoleskyssClaims.Subject) ?? User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(Section.None, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await sender.Send(new RunObjectiveAssessmentCommand(CaseId, Municipality, StaffUserId, ConcurrencyTokens.Counter(Revision)), cancellationToken), Section.None, "objektiv", _ => string.Empty, cancellationToken);

    public async Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (legs, _) = RouteLegForm.Parse(Correction.Legs, "Correction.Legs", skipBlank: false, ModelState, text);
        var date = ModelState.DateField(Correction.InspectionDate, "Correction.InspectionDate", text["AssessInspectionDateInvalid"]);

        if (!ModelState.IsValid || legs.Count != 1)
        {
            return await LoadAsync(Section.Correction, cancellationToken) ?? Page();
        }

        var photos = await UploadLimits.ReadAllAsync(Photos, confidential: false, cancellationToken);

        var command = new CorrectLegCommand(CaseId, Municipality, StaffUserId, ConcurrencyTokens.Counter(Revision), Correction.LegNumber, legs[0], date, Correction.InspectedBy, Correction.Findings, photos);
        return await AfterAsync(await sender.Send(command, cancellationToken), Section.Correction, "objektiv", key => key switch
        {
            "LegNumber" or "InspectedBy" or "Findings" or "InspectionDate" => "Correction." + key,
            "Photos" => "Photos",
            _ when key.StartsWith("Leg.", StringComparison.Ordinal) => "Correction.Legs[0]" + key[3..],
            _ => string.Empty,
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostDepartAsync(CancellationToken cancellationToken)
    {
        var command = new DepartFromMatrixCommand(CaseId, Municipality, StaffUserId, ConcurrencyTokens.Counter(Revision), ParseOutcome(Departure.Outcome), Departure.Justification);
        return await AfterAsync(await sender.Send(command, cancellationToken), Section.Departure, "objektiv", key => "Departure." + key, cancellationToken);
    }

    public async Task<IActionResult> OnPostSubjectiveAsync(CancellationToken cancellationToken)
    {
        var notes = Enum.GetValues<SubjectiveFactor>().ToDictionary(f => f, f => Subjective.Notes.GetValueOrDefault(f.ToString()));
        var changes = Subjective.ChangesResult switch { "true" => true, "false" => (bool?)false, _ => null };
        var command = new SaveSubjectiveAssessmentCommand(CaseId, Municipality, StaffUserId, ConcurrencyTokens.Counter(Revision), notes, changes, Subjective.Conclusion, ParseOutcome(Subjective.ResultingOutcome));
        return await AfterAsync(await sender.Send(command, cancellationToken), Section.Subjective, "subjektiv", key => "Subjective." + key, cancellationToken);
    }

    public async Task<IActionResult> OnPostManualAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var number = ManualLeg;
        var input = ManualLegs.GetValueOrDefault(number) ?? new ManualLegInput();
        var prefix = $"ManualLegs[{number}].";
        var date = ModelState.DateField(input.InspectionDate, prefix + "InspectionDate", text["AssessInspectionDateInvalid"]);
        if (!ModelState.IsValid)
        {
            return await LoadAsync(Section.Manual, cancellationToken) ?? Page();
        }

        var command = new AssessManualLegCommand(CaseId, Municipality, StaffUserId, ConcurrencyTokens.Counter(Revision), number, ParseVerdict(input.Outcome), input.Reasons, date, input.InspectedBy, input.Findings);
        return await AfterAsync(await sender.Send(command, cancellationToken), Section.Manual, $"manuell-{number}", key => key == "LegNumber" ? string.Empty : prefix + key, cancellationToken);
    }

    /// <summary>The verdicts of a leg's manual assessment (særlig farlig hele året, om vinteren, ikke særlig farlig).</summary>
    public IReadOnlyList<(string Value, string Text)> VerdictOptions() =>
        [.. Domain.Assessments.ManualLegAssessment.Verdicts.Select(o => (Vocabulary.Name(o), text["ManualVerdict_" + Vocabulary.Name(o)].Value))];

    public string VerdictText(TransportOutcome outcome) => text["ManualVerdict_" + Vocabulary.Name(outcome)].Value;

    private static TransportOutcome? ParseVerdict(string? value) =>
        Domain.Assessments.ManualLegAssessment.Verdicts.Where(o => Vocabulary.Name(o) == value).Select(o => (TransportOutcome?)o).FirstOrDefault();

    /// <summary>The options of an outcome select: none chosen, then the outcomes from the most generous.</summary>
    public IReadOnlyList<(string Value, string Text)> OutcomeOptions() =>
        [(string.Empty, text["AssessChooseOutcome"].Value), .. Enum.GetValues<TransportOutcome>().Reverse().Select(o => (Vocabulary.Name(o), text["Outcome_" + Vocabulary.Name(o)].Value))];

    public string OutcomeText(TransportOutcome outcome) => text["Outcome_" + Vocabulary.Name(outcome)].Value;

    private static TransportOutcome? ParseOutcome(string? value) =>
        Enum.GetValues<TransportOutcome>().Where(o => Vocabulary.Name(o) == value).Select(o => (TransportOutcome?)o).FirstOrDefault();

    private async Task<IActionResult> AfterAsync(CommandResult result, Section posted, string anchor, Func<string, string> field, CancellationToken cancellationToken)
    {
        if (result.IsOk)
        {
            return Redirect($"{PagePath}#{anchor}");
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.Clear();
        ModelState.AddFailure(result.Failure, field);
        return await LoadAsync(posted, cancellationToken) ?? Page();
    }

    /// <summary>Loads the case's assessment and fills every form but the posted one from it (the posted one keeps what was typed).</summary>
    private async Task<IActionResult?> LoadAsync(Section posted, CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetCaseAssessmentQuery(CaseId, Municipality), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        var objective = view.Assessment?.Objective;
        if (posted != Section.Correction && objective is not null)
        {
            var described = objective.Legs.Select((l, i) => (l, Number: i + 1)).Where(x => x.l.Leg is not null).ToList();
            var chosen = described.FirstOrDefault(x => x.Number == ChosenLeg);
            if (chosen.l is null && described.Count > 0)
            {
                chosen = described[0];
            }

            Correction = chosen.l is null ? new CorrectionInput() : new CorrectionInput { LegNumber = chosen.Number, Legs = [RouteLegForm.ToForm(chosen.l.Leg!)] };
        }

        // Every leg left to manual assessment has its form, filled from its recorded assessment (the posted one keeps what was typed).
        foreach (var (leg, number) in objective?.Legs.Select((l, i) => (l, i + 1)) ?? [])
        {
            if (!leg.LeftToManualAssessment || (posted == Section.Manual && number == ManualLeg))
            {
                continue;
            }

            ManualLegs[number] = leg.Manual is not { } manual ? new ManualLegInput() : new ManualLegInput
            {
                Outcome = Vocabulary.Name(manual.Outcome),
                Reasons = manual.Reasons,
                InspectionDate = manual.Inspection?.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                InspectedBy = manual.Inspection?.InspectedBy,
                Findings = manual.Inspection?.Findings,
            };
        }

        if (posted != Section.Departure && objective?.Departure is { } departure)
        {
            Departure = new DepartureInput { Outcome = Vocabulary.Name(departure.Outcome), Justification = departure.Justification };
        }

        if (posted != Section.Subjective && view.Assessment?.Subjective is { } subjective)
        {
            Subjective = new SubjectiveInput
            {
                Notes = subjective.Notes.ToDictionary(n => n.Key.ToString(), n => (string?)n.Value),
                ChangesResult = subjective.ChangesResult ? "true" : "false",
                Conclusion = subjective.Conclusion,
                ResultingOutcome = subjective.ResultingOutcome is { } o ? Vocabulary.Name(o) : null,
            };
        }

        return null;
    }

    private enum Section
    {
        None,
        Correction,
        Departure,
        Subjective,
        Manual,
    }

    public sealed class ManualLegInput
    {
        /// <summary>yearRound, winter or none (Vocabulary.Name).</summary>
        public string? Outcome { get; set; }

        public string? Reasons { get; set; }

        /// <summary>yyyy-MM-dd (the date input's value); the inspection is optional, but when given all three fields are required.</summary>
        public string? InspectionDate { get; set; }

        public string? InspectedBy { get; set; }

        public string? Findings { get; set; }
    }

    public sealed class CorrectionInput
    {
        public int LegNumber { get; set; }

        /// <summary>One leg: a list so that its fields are named as in "Sjekk skolevegen" (Correction.Legs[0].Kind).</summary>
        public List<LegForm> Legs { get; set; } = [new()];

        /// <summary>yyyy-MM-dd (the date input's value).</summary>
        public string? InspectionDate { get; set; }

        public string? InspectedBy { get; set; }

        public string? Findings { get; set; }
    }

    public sealed class DepartureInput
    {
        public string? Outcome { get; set; }

        public string? Justification { get; set; }
    }

    public sealed class SubjectiveInput
    {
        /// <summary>Factor name (e.g. Concentration) → note.</summary>
        public Dictionary<string, string?> Notes { get; set; } = [];

        public string? ChangesResult { get; set; }

        public string? Conclusion { get; set; }

        public string? ResultingOutcome { get; set; }
    }
}
