using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Infrastructure.Tests.Seeding;

/// <summary>
/// The appeal chains of the published rulebooks against the appeal bodies that are seeded. A decision on school
/// transport is made under opplæringslova, whose appeal body is the department, in practice Statsforvalteren
/// (Prop. 57 L (2022–2023) chapter 59): a municipal body (a committee, formannskapet) can only be an intermediate step,
/// never the last body of a chain.
/// </summary>
public sealed class AppealChainSeedTests
{
    public static TheoryData<string> Municipalities() => new(RulebookSeeds.All.Select(d => d.MunicipalityNumber).Distinct());

    [Theory]
    [MemberData(nameof(Municipalities))]
    public void Every_appeal_chain_names_seeded_bodies_and_ends_with_Statsforvalteren(string municipality)
    {
        var bodies = DemoData.Instance.AppealBodies.ToDictionary(b => b.Code);
        foreach (var document in RulebookSeeds.All.Where(d => d.MunicipalityNumber == municipality))
        {
            Assert.NotEmpty(document.AppealChain);
            Assert.All(document.AppealChain, code => Assert.True(bodies.ContainsKey(code), $"{code} is not a seeded appeal body"));
            Assert.Equal(AppealBodyKind.CountyGovernor, bodies[document.AppealChain[^1]].Kind);
            Assert.All(document.AppealChain.SkipLast(1), code => Assert.NotEqual(AppealBodyKind.CountyGovernor, bodies[code].Kind));
        }
    }

    [Fact]
    public void Rana_appeals_go_from_formannskapet_to_Statsforvalteren_i_Nordland()
    {
        Assert.Equal(["rana-formannskap", "sf-nordland"], RulebookSeeds.For("1833").AppealChain);
        var nordland = DemoData.Instance.AppealBodies.Single(b => b.Code == "sf-nordland");
        Assert.Equal("Statsforvalteren i Nordland", nordland.Name);
        Assert.Equal(AppealBodyKind.CountyGovernor, nordland.Kind);
        Assert.Contains(DemoData.Instance.Staff, s => s.AppealBody == "sf-nordland" && s.Role == "AppealBodyMember");
    }
}
