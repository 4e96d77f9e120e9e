using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>
/// The grade must be one the chosen school teaches, and the pre-assessed segments must be the chosen school's in the
/// municipality's rulebook in force (Sunnfjord: S-12 and S-13 are Naustdal skule's, S-01 is Bygstad skule's).
/// Checked when the step is saved and again at submission.
/// </summary>
public sealed class SchoolAndSegmentSpecs
{
    private static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn-NO");

    [Fact]
    public async Task Segments_of_the_chosen_school_are_saved()
    {
        await using var app = await CreateAsync("app_segments_ok");
        var draft = await SunnfjordDraftAtNaustdalAsync(app);

        ResultAssert.Ok(await app.SaveAsync(draft, Route("sunnfjord/S-12", "sunnfjord/S-13")));

        Assert.Equal(["sunnfjord/S-12", "sunnfjord/S-13"], (await app.GetAsync(draft))!.Application.Route.DefinedSegmentIds);
    }

    [Fact]
    public async Task Another_schools_segment_and_an_unknown_one_get_a_message_each_in_Nynorsk()
    {
        await using var app = await CreateAsync("app_segments_bad");
        var draft = await SunnfjordDraftAtNaustdalAsync(app);

        var result = await InCultureAsync(Nynorsk, () => app.SaveAsync(draft, Route("sunnfjord/S-12", "sunnfjord/S-01", "sunnfjord/S-99")));

        var invalid = ResultAssert.Fails<Failure.Invalid>(result);
        Assert.Equal(["Route.DefinedSegmentIds[1]", "Route.DefinedSegmentIds[2]"], invalid.Errors.Keys.Order());
        Assert.Equal(["Strekninga sunnfjord/S-01 høyrer til Bygstad skule, ikkje til Naustdal skule. Vel strekningar for Naustdal skule."], invalid.Errors["Route.DefinedSegmentIds[1]"]);
        Assert.Equal(["Strekninga sunnfjord/S-99 finst ikkje blant dei førehandsvurderte strekningane i kommunen. Fjern henne, eller beskriv skulevegen sjølv."], invalid.Errors["Route.DefinedSegmentIds[2]"]);
        Assert.Empty((await app.GetAsync(draft))!.Application.Route.DefinedSegmentIds);
    }

    [Fact]
    public async Task A_grade_outside_the_school_is_refused_in_Nynorsk_naming_the_range()
    {
        await using var app = await CreateAsync("app_grade_nn");
        var draft = await app.StartAsync(municipality: "4647");
        await using (var db = app.Db())
        {
            (await db.Schools.SingleAsync(s => s.Id == NaustdalSkule)).Update("Naustdal skule", 1, 7, isPrivate: false);
            await db.SaveChangesAsync();
        }

        var result = await InCultureAsync(Nynorsk, () => app.SaveAsync(draft, ValidChild(grade: 9, school: NaustdalSkule)));

        Assert.Equal(["Naustdal skule har 1.–7. trinn. Vel eit trinn innanfor dette, eller vel ein annan skule."], ResultAssert.Fails<Failure.Invalid>(result).Errors["Child.Grade"]);
    }

    [Fact]
    public async Task Submission_checks_the_grade_again_when_the_school_changed_its_grades()
    {
        await using var app = await CreateAsync("app_grade_submit");
        var draft = await app.StartAsync();
        await app.FillAsync(draft, grade: 3);
        await using (var db = app.Db())
        {
            (await db.Schools.SingleAsync(s => s.Id == GimseSkole)).Update("Gimse skole", 5, 7, isPrivate: false);
            await db.SaveChangesAsync();
        }

        var result = ResultAssert.Fails<Failure.Invalid>(await app.SubmitAsync(draft));

        Assert.Equal(["Child.Grade"], result.Errors.Keys);
        Assert.Contains("5.–7. trinn", result.Errors["Child.Grade"][0], StringComparison.Ordinal);
        await using var check = app.Db();
        Assert.Equal(CaseState.Draft, (await check.Cases.SingleAsync(c => c.Id == draft)).State);
    }

    [Fact]
    public async Task Submission_checks_the_segments_again_when_the_school_was_changed_afterwards()
    {
        await using var app = await CreateAsync("app_segments_submit");
        var draft = await SunnfjordDraftAtNaustdalAsync(app);
        ResultAssert.Ok(await app.SaveAsync(draft, Route("sunnfjord/S-12")));
        ResultAssert.Ok(await app.SaveAsync(draft, ValidChild(school: BygstadSkule)));

        var result = ResultAssert.Fails<Failure.Invalid>(await app.SubmitAsync(draft));

        Assert.Equal(["Route.DefinedSegmentIds[0]"], result.Errors.Keys);
        Assert.Contains("hører til Naustdal skule, ikke til Bygstad skule", result.Errors["Route.DefinedSegmentIds[0]"][0], StringComparison.Ordinal);
    }

    private static RouteStep Route(params string[] segmentIds) => new(new ApplicationRoute(segmentIds, []));

    private static async Task<Guid> SunnfjordDraftAtNaustdalAsync(ApplicationTestApp app)
    {
        var draft = await app.StartAsync(municipality: "4647");
        await app.FillAsync(draft, school: NaustdalSkule);
        return draft;
    }

    private static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> action)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            return await action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = current;
        }
    }
}
