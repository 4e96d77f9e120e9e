namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// One permitted transition of <see cref="CaseTransitions"/>: from a state, by a trigger, to a state; the roles
/// that may trigger it; the legal reference it rests on; what the actor must give (a reason, the rulebook version).
/// </summary>
public sealed record CaseTransition
{
    public CaseTransition(
        CaseState from,
        CaseTrigger trigger,
        CaseState to,
        IReadOnlyList<CaseActorRole> roles,
        string legalReference,
        string description,
        bool reasonRequired = false,
        bool rulebookVersionRequired = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(legalReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        if (roles.Count == 0)
        {
            throw new ArgumentException("A transition needs at least one role.", nameof(roles));
        }

        From = from;
        Trigger = trigger;
        To = to;
        Roles = Array.AsReadOnly(roles.ToArray()); // a copy: nobody can change the table through a shared array
        LegalReference = legalReference;
        Description = description;
        ReasonRequired = reasonRequired;
        RulebookVersionRequired = rulebookVersionRequired;
    }

    public CaseState From { get; }

    public CaseTrigger Trigger { get; }

    public CaseState To { get; }

    /// <summary>Who may trigger it.</summary>
    public IReadOnlyList<CaseActorRole> Roles { get; }

    /// <summary>The legal basis, e.g. <c>fvl. § 33 fjerde ledd</c>; shown in refusals and in docs/case-states.md.</summary>
    public string LegalReference { get; }

    /// <summary>What the step means, in English (for docs/case-states.md).</summary>
    public string Description { get; }

    /// <summary>The actor must write why (e.g. why a late appeal is dismissed, fvl. § 31; why a decision is reopened, fvl. § 35).</summary>
    public bool ReasonRequired { get; }

    /// <summary>The step issues a decision on the merits, which records the rulebook version it applied (DESIGN.md §6).</summary>
    public bool RulebookVersionRequired { get; }

    public bool Allows(CaseActorRole role) => Roles.Contains(role);
}
