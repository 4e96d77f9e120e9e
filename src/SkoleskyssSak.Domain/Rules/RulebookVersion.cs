namespace SkoleskyssSak.Domain.Rules;

/// <summary>
/// A stored version of a municipality's rulebook. Drafts can be edited; activating one makes it the version in
/// force from its validity date and retires the previous active version; an active or retired version never
/// changes again (issue 3: "Active versions are immutable; editing makes a new draft"). Every assessment and
/// decision stores the version it used.
/// </summary>
public sealed class RulebookVersion
{
    private RulebookVersion()
    {
        MunicipalityNumber = string.Empty;
        Content = string.Empty;
    }

    private RulebookVersion(Guid id, string municipalityNumber, int version, string content, DateTimeOffset createdAt)
    {
        Id = id;
        MunicipalityNumber = municipalityNumber;
        Version = version;
        Content = content;
        CreatedAt = createdAt;
        Status = RulebookStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string MunicipalityNumber { get; private set; }

    public int Version { get; private set; }

    public RulebookStatus Status { get; private set; }

    public DateOnly? ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    /// <summary>The rulebook document (JSON; see Application's RulebookDocument).</summary>
    public string Content { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    public static RulebookVersion CreateDraft(Guid id, string municipalityNumber, int version, string content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(municipalityNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new RulebookVersion(id, municipalityNumber, version, content, now);
    }

    /// <summary>Replaces a draft's content. Refused once the version is active or retired.</summary>
    public RulebookChange Edit(string content)
    {
        if (Status != RulebookStatus.Draft)
        {
            return RulebookChange.Refused("Berre eit utkast kan endrast / Bare et utkast kan endres.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        Content = content;
        return RulebookChange.Done;
    }

    /// <summary>Puts a draft in force from <paramref name="validFrom"/>; the caller retires the previous version.</summary>
    public RulebookChange Activate(DateOnly validFrom, DateTimeOffset now)
    {
        if (Status != RulebookStatus.Draft)
        {
            return RulebookChange.Refused("Berre eit utkast kan takast i bruk / Bare et utkast kan tas i bruk.");
        }

        Status = RulebookStatus.Active;
        ValidFrom = validFrom;
        ActivatedAt = now;
        return RulebookChange.Done;
    }

    /// <summary>Ends an active version the day before its successor takes effect.</summary>
    public RulebookChange Retire(DateOnly successorValidFrom)
    {
        if (Status != RulebookStatus.Active)
        {
            return RulebookChange.Refused("Berre ein aktiv versjon kan avsluttast / Bare en aktiv versjon kan avsluttes.");
        }

        Status = RulebookStatus.Retired;
        ValidTo = successorValidFrom.AddDays(-1);
        return RulebookChange.Done;
    }

    /// <summary>Whether this version was in force on <paramref name="date"/>.</summary>
    public bool InForceOn(DateOnly date) =>
        Status != RulebookStatus.Draft && ValidFrom <= date && (ValidTo is null || date <= ValidTo);
}

public enum RulebookStatus
{
    Draft,
    Active,
    Retired,
}

/// <summary>The result of a lifecycle step: done, or refused with a reason (no exception for a refused step).</summary>
public sealed record RulebookChange(bool Succeeded, string? Reason)
{
    public static readonly RulebookChange Done = new(true, null);

    public static RulebookChange Refused(string reason) => new(false, reason);
}
