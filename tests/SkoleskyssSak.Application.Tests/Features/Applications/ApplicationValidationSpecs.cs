using SkoleskyssSak.Application.Common;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Testing;
using static SkoleskyssSak.Application.Tests.Features.Applications.ApplicationTestApp;

namespace SkoleskyssSak.Application.Tests.Features.Applications;

/// <summary>One shared database and draft for the table-driven validation specs (nothing is saved by an invalid step).</summary>
public sealed class ValidationFixture : IAsyncLifetime
{
    public ApplicationTestApp App { get; private set; } = null!;

    public Guid Draft { get; private set; }

    public async Task InitializeAsync()
    {
        App = await CreateAsync("app_validation");
        Draft = await App.StartAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ApplicationValidationSpecs(ValidationFixture fixture) : IClassFixture<ValidationFixture>
{
    private static readonly ApplicationChild Child = ValidChild().Child;
    private static readonly ApplicationGuardian Applicant = ValidGuardians()[0];
    private static readonly ApplicationGuardian Other = ValidGuardians()[1];
    private static readonly ApplicationHome Home = new("Storgata 1", "7224", "Melhus", 1.8m);

    private static readonly Dictionary<string, ApplicationStep> InvalidSteps = new()
    {
        ["child name empty"] = new ChildStep(Child with { Name = " " }),
        ["child name over 200 characters"] = new ChildStep(Child with { Name = new string('a', 201) }),
        ["child fødselsnummer with a wrong check digit"] = new ChildStep(Child with { NationalIdentityNumber = "15031750006" }),
        ["child fødselsnummer of 10 digits"] = new ChildStep(Child with { NationalIdentityNumber = "1503175000" }),
        ["child fødselsnummer with letters"] = new ChildStep(Child with { NationalIdentityNumber = "1503175000x" }),
        ["grade 0"] = new ChildStep(Child with { Grade = 0 }),
        ["grade 11"] = new ChildStep(Child with { Grade = 11 }),
        ["school of another municipality"] = new ChildStep(Child with { SchoolId = NaustdalSkule }),
        ["unknown school"] = new ChildStep(Child with { SchoolId = Guid.NewGuid() }),
        ["grade 8 above Gimse skole's 1–7"] = new ChildStep(Child with { Grade = 8 }),
        ["grade 7 below Melhus ungdomsskole's 8–10"] = new ChildStep(Child with { Grade = 7, SchoolId = MelhusUngdomsskole }),
        ["pre-assessed segment unknown in the municipality"] = new RouteStep(new ApplicationRoute(["melhus/S-01"], [])),
        ["no guardians"] = new GuardiansStep([]),
        ["applicant missing"] = new GuardiansStep([Other]),
        ["two applicants"] = new GuardiansStep([Applicant, Other with { IsApplicant = true }]),
        ["guardian name empty"] = new GuardiansStep([Applicant, Other with { Name = "" }]),
        ["guardian without e-mail and phone"] = new GuardiansStep([Applicant, Other with { Email = null, Phone = " " }]),
        ["guardian e-mail malformed"] = new GuardiansStep([Applicant, Other with { Email = "eva@" }]),
        ["guardian phone malformed"] = new GuardiansStep([Applicant, Other with { Phone = "12" }]),
        ["guardian fødselsnummer invalid"] = new GuardiansStep([Applicant, Other with { NationalIdentityNumber = "02028610053" }]),
        ["no home"] = new HomesStep([]),
        ["three homes"] = new HomesStep([Home, Home, Home]),
        ["address empty"] = new HomesStep([Home with { Address = "" }]),
        ["postal code of two digits"] = new HomesStep([Home with { PostalCode = "72" }]),
        ["place empty"] = new HomesStep([Home with { Place = "" }]),
        ["distance negative"] = new HomesStep([Home with { WalkingDistanceKm = -0.1m }]),
        ["distance over 200 km"] = new HomesStep([Home with { WalkingDistanceKm = 200.1m }]),
        ["route without segment or leg"] = new RouteStep(new ApplicationRoute([], [])),
        ["route leg with an impossible speed limit"] = new RouteStep(new ApplicationRoute([], [new RouteLeg(LegKind.Along, RoadCategory.County, SpeedLimit: 300)])),
        ["reason over 4000 characters"] = new ReasonsStep(new ApplicationReasons(new string('a', 4001), new Dictionary<SubjectiveFactor, string>()), TransportPeriod.WholeSchoolYear),
        ["subjective factor over 2000 characters"] = new ReasonsStep(new ApplicationReasons(null, new Dictionary<SubjectiveFactor, string> { [SubjectiveFactor.MotorSkills] = new string('a', 2001) }), TransportPeriod.WinterOnly),
        ["unknown period"] = new ReasonsStep(new ApplicationReasons(null, new Dictionary<SubjectiveFactor, string>()), (TransportPeriod)7),
    };

    private static readonly Dictionary<string, ApplicationStep> ValidVariants = new()
    {
        ["D-number"] = new ChildStep(Child with { NationalIdentityNumber = ChildDNumber }),
        ["fødselsnummer written with a space"] = new ChildStep(Child with { NationalIdentityNumber = "150317 50005" }),
        ["grade 1"] = new ChildStep(Child with { Grade = 1 }),
        ["grade 7, the highest at Gimse skole"] = new ChildStep(Child with { Grade = 7 }),
        ["grade 8, the lowest at Melhus ungdomsskole"] = new ChildStep(Child with { Grade = 8, SchoolId = MelhusUngdomsskole }),
        ["grade 10, the highest at Melhus ungdomsskole"] = new ChildStep(Child with { Grade = 10, SchoolId = MelhusUngdomsskole }),
        ["guardian with phone only"] = new GuardiansStep([Applicant, Other with { Email = null, Phone = "91234567" }]),
        ["guardian with e-mail only"] = new GuardiansStep([Applicant, Other with { Phone = null, NationalIdentityNumber = null }]),
        ["two homes (shared residence)"] = new HomesStep([Home, Home with { Address = "Fjordvegen 2", WalkingDistanceKm = 3.2m }]),
        ["distance 0 km"] = new HomesStep([Home with { WalkingDistanceKm = 0m }]),
        ["distance 200 km"] = new HomesStep([Home with { WalkingDistanceKm = 200m }]),
        ["reason of exactly 4000 characters"] = new ReasonsStep(new ApplicationReasons(new string('a', 4000), new Dictionary<SubjectiveFactor, string> { [SubjectiveFactor.AnxietyOrPsychosocial] = new string('b', 2000) }), TransportPeriod.WinterOnly),
        ["declaration not ticked (only needed to submit)"] = new DeclarationStep(false),
    };

    [Theory]
    [InlineData("child name empty", "Child.Name", "Skriv inn barnets navn.")]
    [InlineData("child name over 200 characters", "Child.Name", "Navnet kan ha høyst 200 tegn.")]
    [InlineData("child fødselsnummer with a wrong check digit", "Child.NationalIdentityNumber", "Fødselsnummeret er ikke gyldig. Det skal ha 11 siffer (D-nummer går også).")]
    [InlineData("child fødselsnummer of 10 digits", "Child.NationalIdentityNumber", null)]
    [InlineData("child fødselsnummer with letters", "Child.NationalIdentityNumber", null)]
    [InlineData("grade 0", "Child.Grade", "Trinn må være fra 1 til 10.")]
    [InlineData("grade 11", "Child.Grade", null)]
    [InlineData("school of another municipality", "Child.SchoolId", "Velg en skole i kommunen.")]
    [InlineData("unknown school", "Child.SchoolId", null)]
    [InlineData("grade 8 above Gimse skole's 1–7", "Child.Grade", "Gimse skole har 1.–7. trinn. Velg et trinn innenfor dette, eller velg en annen skole.")]
    [InlineData("grade 7 below Melhus ungdomsskole's 8–10", "Child.Grade", "Melhus ungdomsskole har 8.–10. trinn. Velg et trinn innenfor dette, eller velg en annen skole.")]
    [InlineData("pre-assessed segment unknown in the municipality", "Route.DefinedSegmentIds[0]", "Strekningen melhus/S-01 finnes ikke blant kommunens forhåndsvurderte strekninger. Fjern den, eller beskriv skolevegen selv.")]
    [InlineData("no guardians", "Guardians", "Legg til minst én foresatt.")]
    [InlineData("applicant missing", "Guardians", "Du som søker må være med blant de foresatte.")]
    [InlineData("two applicants", "Guardians", "Bare én foresatt kan være søker.")]
    [InlineData("guardian name empty", "Guardians[1].Name", null)]
    [InlineData("guardian without e-mail and phone", "Guardians[1].Email", "Oppgi e-postadresse eller telefonnummer.")]
    [InlineData("guardian e-mail malformed", "Guardians[1].Email", "E-postadressen er ikke gyldig.")]
    [InlineData("guardian phone malformed", "Guardians[1].Phone", null)]
    [InlineData("guardian fødselsnummer invalid", "Guardians[1].NationalIdentityNumber", null)]
    [InlineData("no home", "Homes", "Oppgi minst én adresse.")]
    [InlineData("three homes", "Homes", "Du kan oppgi høyst to adresser (delt bosted).")]
    [InlineData("address empty", "Homes[0].Address", null)]
    [InlineData("postal code of two digits", "Homes[0].PostalCode", null)]
    [InlineData("place empty", "Homes[0].Place", null)]
    [InlineData("distance negative", "Homes[0].WalkingDistanceKm", "Avstanden må være mellom 0 og 200 km.")]
    [InlineData("distance over 200 km", "Homes[0].WalkingDistanceKm", null)]
    [InlineData("route without segment or leg", "Route", null)]
    [InlineData("route leg with an impossible speed limit", "Route.Legs[0].SpeedLimit", null)]
    [InlineData("reason over 4000 characters", "Reasons.Text", "Begrunnelsen kan ha høyst 4000 tegn.")]
    [InlineData("subjective factor over 2000 characters", "Reasons.Factors", "Hvert felt kan ha høyst 2000 tegn.")]
    [InlineData("unknown period", "Period", null)]
    public async Task An_invalid_step_is_not_saved_and_names_the_field_in_Bokmål(string rule, string field, string? message)
    {
        var result = ResultAssert.Fails<Failure.Invalid>(await fixture.App.SaveAsync(fixture.Draft, InvalidSteps[rule]));

        Assert.True(result.Errors.ContainsKey(field), $"{rule}: expected an error on {field}, got {string.Join(", ", result.Errors.Keys)}");
        if (message is not null)
        {
            Assert.Contains(message, result.Errors[field]);
        }
    }

    [Fact]
    public void Every_invalid_case_of_the_table_is_tested()
    {
        var tested = typeof(ApplicationValidationSpecs).GetMethod(nameof(An_invalid_step_is_not_saved_and_names_the_field_in_Bokmål))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);
        Assert.Equal(InvalidSteps.Keys.Order(), tested.Order());
    }

    [Theory]
    [InlineData("D-number")]
    [InlineData("fødselsnummer written with a space")]
    [InlineData("grade 1")]
    [InlineData("grade 7, the highest at Gimse skole")]
    [InlineData("grade 8, the lowest at Melhus ungdomsskole")]
    [InlineData("grade 10, the highest at Melhus ungdomsskole")]
    [InlineData("guardian with phone only")]
    [InlineData("guardian with e-mail only")]
    [InlineData("two homes (shared residence)")]
    [InlineData("distance 0 km")]
    [InlineData("distance 200 km")]
    [InlineData("reason of exactly 4000 characters")]
    [InlineData("declaration not ticked (only needed to submit)")]
    public async Task A_valid_step_is_saved(string variant) =>
        ResultAssert.Ok(await fixture.App.SaveAsync(fixture.Draft, ValidVariants[variant]));

    [Fact]
    public async Task Submitting_without_the_child_and_the_declaration_lists_both()
    {
        await using var app = await CreateAsync("app_incomplete");
        var draft = await app.StartAsync();

        var result = ResultAssert.Fails<Failure.Invalid>(await app.SubmitAsync(draft));

        Assert.Contains("Child", result.Errors.Keys);
        Assert.Contains("Homes", result.Errors.Keys);
        Assert.Contains("Route", result.Errors.Keys);
        Assert.Equal(["Du må bekrefte at opplysningene er riktige før du sender."], result.Errors["DeclarationAccepted"]);
        await using var db = app.Db();
        Assert.Null((await db.Cases.FindAsync(draft))!.CaseNumber);
    }

    [Fact]
    public async Task Submitting_with_the_declaration_unticked_is_refused()
    {
        await using var app = await CreateAsync("app_declaration");
        var draft = await app.StartAsync();
        await app.FillAsync(draft);
        await app.SaveAsync(draft, new DeclarationStep(false));

        var result = ResultAssert.Fails<Failure.Invalid>(await app.SubmitAsync(draft));

        Assert.Equal(["DeclarationAccepted"], result.Errors.Keys);
    }
}
