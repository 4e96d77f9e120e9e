namespace SkoleskyssSak.Domain.Referrals;

/// <summary>
/// The county's unit that handles transport by distance (opplæringslova § 4-1 first paragraph, § 28-7: the county's
/// business), one per county: where a municipality forwards a case, or one home's part of it, and who answers the
/// guardians. Data, seeded like the appeal bodies; matched on <c>Municipality.County</c>.
/// </summary>
public sealed class CountyTransportUnit
{
    private CountyTransportUnit()
    {
        County = string.Empty;
        Name = string.Empty;
        PostalAddress = string.Empty;
        Email = string.Empty;
    }

    public CountyTransportUnit(string county, string name, string postalAddress, string email)
        : this()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(county);
        County = county;
        Update(name, postalAddress, email);
    }

    /// <summary>The county as <c>Municipality.County</c> names it, e.g. <c>Vestland</c>.</summary>
    public string County { get; private set; }

    /// <summary>E.g. "Vestland fylkeskommune – Skyss skoleskyss".</summary>
    public string Name { get; private set; }

    /// <summary>Address block used in letters (the name on the first line).</summary>
    public string PostalAddress { get; private set; }

    /// <summary>Where the forwarding of a case is sent.</summary>
    public string Email { get; private set; }

    public void Update(string name, string postalAddress, string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(postalAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        Name = name;
        PostalAddress = postalAddress;
        Email = email;
    }
}
