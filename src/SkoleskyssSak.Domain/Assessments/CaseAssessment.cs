using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Assessments;

/// <summary>
/// The caseworker's assessment of one case (fvl. § 17: the case must be clarified before it is decided): the objective
/// part (the matrix of the rulebook in force on the date of application, leg by leg, with site inspections and any
/// justified departure) and the subjective part (the child's individual circumstances, per factor of the guidelines,
/// e.g. Sunnfjord kap. 3.2, Melhus kap. 5). It can change only while the case is <see cref="CaseState.InAssessment"/>,
/// or while the municipality reviews an appeal as first instance (fvl. § 33 second paragraph: new information, a new site
/// inspection, a new assessment); a decided case is otherwise changed only by a new decision (fvl. § 35). <see cref="Revision"/> counts saved changes, so a
/// caseworker saving on top of an older revision than the stored one gets a conflict instead of overwriting.
/// </summary>
public sealed class CaseAssessment
{
    public const int MaxTextLength = 4000;

    private CaseAssessment()
    {
        UpdatedBy = string.Empty;
    }

    private CaseAssessment(Guid caseId)
    {
        CaseId = caseId;
        UpdatedBy = string.Empty;
    }

    public Guid CaseId { get; private set; }

    /// <summary>0 before the first save; one more with every change.</summary>
    public int Revision { get; private set; }

    public ObjectiveAssessment? Objective { get; private set; }

    public SubjectiveAssessment? Subjective { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Pseudonymous id of the staff user who changed it last.</summary>
    public string UpdatedBy { get; private set; }

    public static CaseAssessment Start(Guid caseId)
    {
        if (caseId == Guid.Empty)
        {
            throw new ArgumentException("An assessment belongs to a case.", nameof(caseId));
        }

        return new CaseAssessment(caseId);
    }

    /// <summary>
    /// The outcome the decision starts from: the subjective conclusion when it changes the result, else the justified
    /// departure from the matrix, else the matrix result. Null before the objective assessment has run.
    /// </summary>
    public TransportOutcome? AssessedOutcome() =>
        Objective is null ? null
        : Subjective is { ChangesResult: true, ResultingOutcome: { } subjective } ? subjective
        : Objective.ObjectiveOutcome;

    /// <summary>Whether the case's state allows changes, and if not the refusal.</summary>
    public static AssessmentRefusal? Editable(CaseState state) => state switch
    {
        CaseState.InAssessment or CaseState.FirstInstanceReview => null,
        CaseState.Decided or CaseState.AppealReceived or CaseState.ForwardedToAppealBody
            or CaseState.AppealDecided or CaseState.Closed => AssessmentRefusal.Decided,
        _ => AssessmentRefusal.NotInAssessment,
    };

    /// <summary>
    /// Runs the matrix: the first time on the applicant's legs and pre-assessed segments, later on the legs as they
    /// stand (corrections kept) against <paramref name="rulebook"/>, the version in force on the date of application.
    /// </summary>
    public AssessmentChange RunObjective(CaseState state, Rulebook rulebook, ApplicationRoute route, int grade, decimal? distanceKm, DateOnly applicationDate, string by, DateTimeOffset now)
    {
        if (Editable(state) is { } refusal)
        {
            return AssessmentChange.Refused(refusal);
        }

        var legs = Objective?.Legs ?? ObjectiveAssessment.LegsOf(route);
        Objective = ObjectiveAssessment.Evaluate(rulebook, grade, distanceKm, applicationDate, legs, Objective?.SiteInspections ?? [], Objective?.Departure);
        return Changed(by, now);
    }

    /// <summary>
    /// Replaces the data of one described leg after a site inspection (who, when, what was found; photos stored as
    /// case documents) and runs the matrix again. Pre-assessed segments have the municipality's own verdict and are
    /// not corrected here.
    /// </summary>
    public AssessmentChange CorrectLeg(CaseState state, Rulebook rulebook, int legNumber, RouteLeg corrected, SiteInspection inspection, string by, DateTimeOffset now)
    {
        if (Editable(state) is { } refusal)
        {
            return AssessmentChange.Refused(refusal);
        }

        if (Objective is null)
        {
            return AssessmentChange.Refused(AssessmentRefusal.ObjectiveMissing);
        }

        var index = legNumber - 1;
        if (index < 0 || index >= Objective.Legs.Count || Objective.Legs[index].Leg is null)
        {
            return AssessmentChange.Refused(AssessmentRefusal.LegNotFound, "LegNumber");
        }

        if (inspection.Check(NorwegianToday(now)) is { } invalid)
        {
            return invalid;
        }

        var legs = Objective.Legs.ToArray();
        legs[index] = legs[index] with { Leg = corrected, OriginalLeg = legs[index].OriginalLeg ?? legs[index].Leg };
        Objective = ObjectiveAssessment.Evaluate(
            rulebook,
            Objective.Grade,
            Objective.DistanceKm,
            Objective.ApplicationDate,
            legs,
            [.. Objective.SiteInspections, inspection with { LegNumber = legNumber }],
            Objective.Departure);
        return Changed(by, now);
    }

    /// <summary>
    /// Records the caseworker's concrete assessment of a leg the matrix leaves to manual assessment (no row covers it, or
    /// a pre-assessed segment the rulebook does not have): the verdict, the reasons (required: the decision quotes them,
    /// fvl. § 25), and optionally the site inspection it rests on. The leg then counts with the verdict; recording again
    /// replaces the assessment (until the decision is issued). The matrix runs again.
    /// </summary>
    public AssessmentChange AssessLegManually(CaseState state, Rulebook rulebook, int legNumber, TransportOutcome? verdict, string? reasons, SiteInspection? inspection, string by, DateTimeOffset now)
    {
        if (Editable(state) is { } refusal)
        {
            return AssessmentChange.Refused(refusal);
        }

        if (Objective is null)
        {
            return AssessmentChange.Refused(AssessmentRefusal.ObjectiveMissing);
        }

        var index = legNumber - 1;
        if (index < 0 || index >= Objective.Legs.Count || !Objective.Legs[index].LeftToManualAssessment)
        {
            return AssessmentChange.Refused(AssessmentRefusal.LegNotLeftToManualAssessment, "LegNumber");
        }

        reasons = reasons?.Trim();
        var errors = new List<(AssessmentRefusal, string)>();
        if (verdict is not { } chosen || !ManualLegAssessment.Verdicts.Contains(chosen))
        {
            errors.Add((AssessmentRefusal.VerdictRequired, "Outcome"));
        }

        if (string.IsNullOrEmpty(reasons))
        {
            errors.Add((AssessmentRefusal.ReasonsRequired, "Reasons"));
        }
        else if (reasons.Length > MaxTextLength)
        {
            errors.Add((AssessmentRefusal.TextTooLong, "Reasons"));
        }

        if (inspection?.Check(NorwegianToday(now)) is { } invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (errors.Count > 0)
        {
            return AssessmentChange.Invalid(errors);
        }

        var legs = Objective.Legs.ToArray();
        var leg = legs[index];
        legs[index] = leg with { Manual = new ManualLegAssessment(leg.Leg, verdict!.Value, reasons!, inspection is null ? null : inspection with { LegNumber = legNumber }, by, now) };
        Objective = ObjectiveAssessment.Evaluate(rulebook, Objective.Grade, Objective.DistanceKm, Objective.ApplicationDate, legs, Objective.SiteInspections, Objective.Departure);
        return Changed(by, now);
    }

    /// <summary>
    /// Departs from the matrix's result. Allowed only with a written justification, which the decision quotes
    /// (fvl. §§ 24–25: the main considerations of the discretion).
    /// </summary>
    public AssessmentChange DepartFromMatrix(CaseState state, TransportOutcome? outcome, string? justification, string by, DateTimeOffset now)
    {
        if (Editable(state) is { } refusal)
        {
            return AssessmentChange.Refused(refusal);
        }

        if (Objective is null)
        {
            return AssessmentChange.Refused(AssessmentRefusal.ObjectiveMissing);
        }

        justification = justification?.Trim();
        var errors = new List<(AssessmentRefusal, string)>();
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            errors.Add((AssessmentRefusal.OutcomeRequired, "Outcome"));
        }
        else if (outcome == Objective.MatrixOutcome)
        {
            errors.Add((AssessmentRefusal.DepartureSameAsMatrix, "Outcome"));
        }

        if (string.IsNullOrEmpty(justification))
        {
            errors.Add((AssessmentRefusal.JustificationRequired, "Justification"));
        }
        else if (justification.Length > MaxTextLength)
        {
            errors.Add((AssessmentRefusal.TextTooLong, "Justification"));
        }

        if (errors.Count > 0)
        {
            return AssessmentChange.Invalid(errors);
        }

        Objective = Objective with { Departure = new MatrixDeparture(outcome!.Value, justification!, by, now) };
        return Changed(by, now);
    }

    /// <summary>
    /// Records the subjective assessment: a note per factor (each optional) and the conclusion on whether the child's
    /// individual circumstances change the objective result; when they do, the conclusion text and the resulting
    /// outcome are required, and the outcome must differ from the objective one.
    /// </summary>
    public AssessmentChange SaveSubjective(CaseState state, IReadOnlyDictionary<SubjectiveFactor, string?> notes, bool? changesResult, string? conclusion, TransportOutcome? resultingOutcome, string by, DateTimeOffset now)
    {
        if (Editable(state) is { } refusal)
        {
            return AssessmentChange.Refused(refusal);
        }

        if (Objective is null)
        {
            return AssessmentChange.Refused(AssessmentRefusal.ObjectiveMissing);
        }

        var errors = new List<(AssessmentRefusal, string)>();
        var kept = new Dictionary<SubjectiveFactor, string>();
        foreach (var (factor, note) in notes)
        {
            var text = note?.Trim();
            if (!Enum.IsDefined(factor) || string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (text.Length > MaxTextLength)
            {
                errors.Add((AssessmentRefusal.TextTooLong, "Notes[" + factor + "]"));
            }

            kept[factor] = text;
        }

        conclusion = string.IsNullOrWhiteSpace(conclusion) ? null : conclusion.Trim();
        if (changesResult is null)
        {
            errors.Add((AssessmentRefusal.ChangesResultRequired, "ChangesResult"));
        }
        else if (changesResult.Value)
        {
            if (conclusion is null)
            {
                errors.Add((AssessmentRefusal.ConclusionRequired, "Conclusion"));
            }

            if (resultingOutcome is null || !Enum.IsDefined(resultingOutcome.Value))
            {
                errors.Add((AssessmentRefusal.OutcomeRequired, "ResultingOutcome"));
            }
            else if (resultingOutcome == Objective.ObjectiveOutcome)
            {
                errors.Add((AssessmentRefusal.ResultingOutcomeSameAsObjective, "ResultingOutcome"));
            }
        }

        if (conclusion is { Length: > MaxTextLength })
        {
            errors.Add((AssessmentRefusal.TextTooLong, "Conclusion"));
        }

        if (errors.Count > 0)
        {
            return AssessmentChange.Invalid(errors);
        }

        Subjective = new SubjectiveAssessment(kept, changesResult!.Value, conclusion, changesResult.Value ? resultingOutcome : null, by, now);
        return Changed(by, now);
    }

    private static DateOnly NorwegianToday(DateTimeOffset now) => Time.NorwegianTime.Today(now);

    private AssessmentChange Changed(string by, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        Revision++;
        UpdatedBy = by;
        UpdatedAt = now;
        return AssessmentChange.Done;
    }
}
