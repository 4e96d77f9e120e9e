namespace SkoleskyssSak.Domain.Municipalities;

/// <summary>
/// A body that decides appeals (klageinstans): a county governor (Statsforvaltaren), a political committee
/// or the formannskap, or the ministry for private-school pupils (DESIGN.md §4).
/// </summary>
public sealed class AppealBody
{
    private AppealBody()
    {
        Code = string.Empty;
        Name = string.Empty;
        PostalAddress = string.Empty;
    }

    public AppealBody(string code, string name, AppealBodyKind kind, string postalAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code;
        Name = name;
        Kind = kind;
        PostalAddress = postalAddress;
    }

    /// <summary>Stable code, e.g. <c>sf-vestland</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public AppealBodyKind Kind { get; private set; }

    public string PostalAddress { get; private set; }

    public void Update(string name, AppealBodyKind kind, string postalAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Kind = kind;
        PostalAddress = postalAddress;
    }
}

public enum AppealBodyKind
{
    CountyGovernor,
    PoliticalCommittee,
    Formannskap,
    Ministry,
}
