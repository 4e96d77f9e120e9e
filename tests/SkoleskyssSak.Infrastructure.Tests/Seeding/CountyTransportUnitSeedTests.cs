using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Infrastructure.Tests.Seeding;

/// <summary>
/// The county units a referral is forwarded to (issue 11; opplæringslova § 4-1 first paragraph: transport by distance is
/// the county's business): every demo municipality's county has exactly one, with a name, a postal address that starts
/// with that name (the letters print it as the address block) and an e-mail address for the forwarding.
/// </summary>
public sealed class CountyTransportUnitSeedTests
{
    private static readonly string[] DemoCounties = ["Nordland", "Trøndelag", "Vestland", "Østfold"];

    public static TheoryData<string> Counties() => new(DemoData.Instance.Municipalities.Select(m => m.County).Distinct());

    [Theory]
    [MemberData(nameof(Counties))]
    public void Every_demo_municipalitys_county_has_one_unit_to_forward_referrals_to(string county)
    {
        var unit = Assert.Single(DemoData.Instance.CountyTransportUnits ?? [], u => u.County == county);

        Assert.Contains("fylkeskommune", unit.Name, StringComparison.Ordinal);
        Assert.StartsWith(unit.Name + "\n", unit.PostalAddress, StringComparison.Ordinal);
        Assert.Matches(@"\n\d{4} \S", unit.PostalAddress);
        Assert.Matches(@"^[^@\s]+@[^@\s]+\.[a-z]+$", unit.Email);
    }

    [Fact]
    public void The_four_demo_counties_are_there()
    {
        Assert.Equal(DemoCounties, (DemoData.Instance.CountyTransportUnits ?? []).Select(u => u.County).Order(StringComparer.Ordinal));
    }
}
