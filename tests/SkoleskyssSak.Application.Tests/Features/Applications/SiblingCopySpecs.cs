using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>"Søk for et søsken": a new draft with the homes, route, guardians and period; never the child or the reasons.</summary>
public sealed class SiblingCopySpecs
{
    private static readonly RouteLeg Leg = new(LegKind.Along, RoadCategory.County, 60, 1200, PedestrianFacility.None, Coverage.Partial, Coverage.None);

    [Fact]
    public async Task The_copy_has_homes_route_guardians_and_period_but_no_child_reasons_or_declaration()
    {
        await using var app = await CreateAsync("app_sibling");
        var source = await app.StartAsync(municipality: "4647");
        await app.FillAsync(source, school: NaustdalSkule);
        ResultAssert.Ok(await app.SaveAsync(source, new RouteStep(new ApplicationRoute(["sunnfjord/S-12"], [Leg]))));
        ResultAssert.Ok(await app.SaveAsync(source, new ReasonsStep(new ApplicationReasons("Smal veg.", new Dictionary<SubjectiveFactor, string> { [SubjectiveFactor.AnxietyOrPsychosocial] = "Redd." }), TransportPeriod.WinterOnly)));
        ResultAssert.Ok(await app.SubmitAsync(source));

        var copyId = ResultAssert.Ok(await CopyAsync(app, source, ParentA, ApplicantNin, "Ola Nordmann")).CaseId;

        var original = (await app.GetAsync(source))!;
        var copy = (await app.GetAsync(copyId))!;
        Assert.NotEqual(source, copyId);
        Assert.Equal((CaseState.Draft, "4647", (CaseNumber?)null), (copy.State, copy.MunicipalityNumber, copy.CaseNumber));
        Assert.True(copy.IsApplicant);
        var form = copy.Application;
        Assert.Null(form.Child);
        Assert.Null(form.Reasons.Text);
        Assert.Empty(form.Reasons.Factors);
        Assert.False(form.DeclarationAccepted);
        Assert.Equal(original.Application.Homes, form.Homes);
        Assert.Equal(["sunnfjord/S-12"], form.Route.DefinedSegmentIds);
        Assert.Equal([Leg], form.Route.Legs);
        Assert.Equal(TransportPeriod.WinterOnly, form.Period);
        Assert.Equal(original.Application.Guardians, form.Guardians);
        Assert.Equal(ApplicantNin, form.Guardians[0].NationalIdentityNumber);
        Assert.Contains(await app.ListAsync(), c => c.CaseId == copyId && c.State == CaseState.Draft);

        // The original is untouched, and the copy audited with both ids.
        Assert.Equal("Smal veg.", original.Application.Reasons.Text);
        await using var db = app.Db();
        Assert.Contains(await db.AuditEvents.ToListAsync(), a => a.Action == "ApplicationCopiedForSibling" && a.ObjectId == $"{copyId}:{source}");
    }

    [Fact]
    public async Task The_other_guardian_copies_as_the_applicant_and_keeps_the_first_applicant_as_a_guardian()
    {
        await using var app = await CreateAsync("app_sibling_other");
        var source = await app.StartAsync();
        await app.FillAsync(source);
        ResultAssert.Ok(await app.SubmitAsync(source));
        var eva = app.PseudonymOf(OtherGuardianNin);

        var copyId = ResultAssert.Ok(await CopyAsync(app, source, eva, OtherGuardianNin, "Eva Hansen")).CaseId;

        var copy = (await app.GetAsync(copyId, eva))!;
        Assert.True(copy.IsApplicant);
        Assert.Equal(
            [("Eva Hansen", "eva@example.no", OtherGuardianNin, true), ("Ola Nordmann", "ola@example.no", ApplicantNin, false)],
            copy.Application.Guardians.Select(g => (g.Name, g.Email, g.NationalIdentityNumber, g.IsApplicant)));
        Assert.Null(await app.GetAsync(copyId, ParentA)); // Ola becomes a party when Eva submits, not before.
    }

    [Fact]
    public async Task Someone_elses_case_or_an_unknown_one_is_not_found_and_nothing_is_created()
    {
        await using var app = await CreateAsync("app_sibling_denied");
        var source = await app.StartAsync();
        await app.FillAsync(source);

        ResultAssert.Fails<Failure.NotFound>(await CopyAsync(app, source, ParentB, null, "Per Person"));
        ResultAssert.Fails<Failure.NotFound>(await CopyAsync(app, Guid.NewGuid(), ParentA, ApplicantNin, "Ola Nordmann"));
        ResultAssert.Fails<Failure.NotFound>(await CopyAsync(app, source, "not a pseudonym!", null, "X"));

        await using var db = app.Db();
        Assert.Equal(1, await db.Cases.CountAsync());
    }

    private static Task<CommandResult<CopiedForSibling>> CopyAsync(ApplicationTestApp app, Guid source, string parent, string? nin, string name) =>
        app.SendAsync(new CopyForSiblingCommand(source, parent, nin, name));
}
