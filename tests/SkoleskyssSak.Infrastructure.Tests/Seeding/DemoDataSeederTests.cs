using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.People;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Infrastructure.Tests.Support;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Infrastructure.Tests.Seeding;

/// <summary>One database, seeded once, shared by the tests of <see cref="DemoDataSeederTests"/>.</summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Services = InfrastructureServices.Build(await PostgresServer.CreateDatabaseAsync("seeder"));
        await SeedAsync();
    }

    public async Task DisposeAsync() => await Services.DisposeAsync();

    public async Task SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
    }
}

/// <summary>
/// The demo data (Development only). The seeder runs at every start, so it must be idempotent; tests that
/// change data leave it as the seeder would.
/// </summary>
public class DemoDataSeederTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private readonly ServiceProvider services = database.Services;

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        var before = await CountsAsync();
        await SeedAsync();
        var after = await CountsAsync();

        Assert.Equal(before, after);
        Assert.Equal(new Counts(Municipalities: 4, Schools: 26, AppealBodies: 7, Staff: 17, Roles: 4, RoleGrants: 17), after);
    }

    [Fact]
    public async Task Seeding_restores_a_changed_municipality_instead_of_adding_one()
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rana = await db.Municipalities.SingleAsync(m => m.Number == "1833");
            rana.Update("Rana (endra)", "Nordland", LanguageForm.Nynorsk, "x");
            await db.SaveChangesAsync();
        }

        await SeedAsync();

        await using var check = services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.Where(m => m.Number == "1833").ToListAsync();
        Assert.Equal(("Rana", LanguageForm.Bokmal), (Assert.Single(stored).Name, stored[0].LanguageForm));
    }

    [Fact]
    public async Task Seeding_restores_a_changed_school_and_appeal_body()
    {
        var forde = Guid.Parse("5b0e3c1e-0003-4647-9000-000000000003");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Schools.SingleAsync(s => s.Id == forde)).Update("Førde (endra)", 1, 10, isPrivate: true);
            (await db.AppealBodies.SingleAsync(b => b.Code == "sf-vestland")).Update("Endra", AppealBodyKind.Ministry, "x");
            await db.SaveChangesAsync();
        }

        await SeedAsync();

        await using var check = services.CreateAsyncScope();
        var stored = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var school = await stored.Schools.SingleAsync(s => s.Id == forde);
        Assert.Equal(("Førde barneskule", 7, false), (school.Name, school.HighestGrade, school.IsPrivate));
        var body = await stored.AppealBodies.SingleAsync(b => b.Code == "sf-vestland");
        Assert.Equal(("Statsforvaltaren i Vestland", AppealBodyKind.CountyGovernor), (body.Name, body.Kind));
    }

    [Fact]
    public async Task The_four_pilot_municipalities_with_their_written_standard()
    {
        // Mållova § 6: the municipality's own language form is used towards its inhabitants.
        await using var scope = services.CreateAsyncScope();
        var municipalities = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities
            .OrderBy(m => m.Number)
            .Select(m => new { m.Number, m.Name, m.LanguageForm })
            .ToListAsync();

        Assert.Equal(
            [
                new { Number = "1833", Name = "Rana", LanguageForm = LanguageForm.Bokmal },
                new { Number = "3105", Name = "Sarpsborg", LanguageForm = LanguageForm.Bokmal },
                new { Number = "4647", Name = "Sunnfjord", LanguageForm = LanguageForm.Nynorsk },
                new { Number = "5028", Name = "Melhus", LanguageForm = LanguageForm.Bokmal },
            ],
            municipalities);
    }

    [Fact]
    public async Task Every_demo_municipality_names_its_handling_unit_and_processing_time()
    {
        await using var scope = services.CreateAsyncScope();
        var municipalities = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Municipalities.ToListAsync();

        Assert.All(municipalities, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.HandlingUnit), m.Name);
            Assert.InRange(m.ExpectedProcessingWeeks ?? 0, 1, 12);
        });
        Assert.Equal(("Oppvekst – skulekontoret", 6), municipalities.Where(m => m.Number == "4647").Select(m => (m.HandlingUnit, m.ExpectedProcessingWeeks ?? 0)).Single());
    }

    [Fact]
    public async Task Sunnfjord_has_the_twelve_schools_of_its_guideline()
    {
        // Section 7 ("Definerte strekningar") of Sunnfjord's guideline (shared/seeds/001_07c4b5730c38e1f0.txt)
        // lists routes under these twelve schools (the guideline writes plain "Vassenden").
        string[] guideline =
        [
            "Bygstad skule", "Flatene skule", "Førde barneskule", "Halbrend skule", "Holsen skule", "Naustdal skule",
            "Sande skule", "Skei skule", "Slåtten skule", "Sunde skule", "Vassenden skule", "Viksdalen skule",
        ];
        await using var scope = services.CreateAsyncScope();
        var schools = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Schools
            .Where(s => s.MunicipalityNumber == "4647")
            .Select(s => s.Name)
            .ToListAsync();

        Assert.Equal(guideline.Order(StringComparer.Ordinal), schools.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_staff_role_has_a_demo_user()
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        foreach (var role in StaffRole.All)
        {
            Assert.NotEmpty(await users.GetUsersInRoleAsync(role));
        }
    }

    [Fact]
    public async Task Every_demo_user_is_scoped_to_the_tenant_of_their_role()
    {
        // StaffRole: a caseworker and an admin belong to a municipality, school staff to a school, an
        // appeal-body member to an appeal body; each scope must point at a row that exists.
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var municipalities = await db.Municipalities.Select(m => m.Number).ToListAsync();
        var schools = await db.Schools.ToDictionaryAsync(s => s.Id, s => s.MunicipalityNumber);
        var appealBodies = await db.AppealBodies.Select(b => b.Code).ToListAsync();

        var staff = await db.Users.ToListAsync();
        Assert.NotEmpty(staff);
        foreach (var user in staff)
        {
            var role = Assert.Single(await users.GetRolesAsync(user));
            switch (role)
            {
                case StaffRole.Caseworker or StaffRole.MunicipalityAdmin:
                    Assert.Contains(user.MunicipalityNumber, municipalities);
                    Assert.Null(user.SchoolId);
                    Assert.Null(user.AppealBodyCode);
                    break;
                case StaffRole.SchoolStaff:
                    Assert.NotNull(user.SchoolId);
                    Assert.True(schools.TryGetValue(user.SchoolId.Value, out var schoolMunicipality), user.Email);
                    Assert.Equal(schoolMunicipality, user.MunicipalityNumber);
                    Assert.Null(user.AppealBodyCode);
                    break;
                case StaffRole.AppealBodyMember:
                    Assert.Contains(user.AppealBodyCode, appealBodies);
                    Assert.Null(user.MunicipalityNumber);
                    Assert.Null(user.SchoolId);
                    break;
                default:
                    Assert.Fail($"{user.Email} has the unknown role {role}.");
                    break;
            }
        }
    }

    [Fact]
    public async Task Demo_password_signs_every_demo_user_in_and_a_wrong_one_does_not()
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var staff = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.ToListAsync();

        Assert.NotEmpty(staff);
        foreach (var user in staff)
        {
            Assert.True(await users.CheckPasswordAsync(user, DemoDataSeeder.DemoPassword), user.Email);
            Assert.True(user.EmailConfirmed);
        }

        Assert.False(await users.CheckPasswordAsync(staff[0], DemoDataSeeder.DemoPassword + "x"));
    }

    [Fact]
    public void Demo_TestID_persons_are_synthetic_never_real_people()
    {
        // Only synthetic numbers (Tenor: month + 80) may appear in demo data; a real fødselsnummer in the
        // repository would be a personal-data breach.
        Assert.NotEmpty(DemoData.Instance.TestIdPersons);
        Assert.All(DemoData.Instance.TestIdPersons, person =>
            Assert.Equal(NationalIdentityNumberKind.Synthetic, NationalIdentityNumber.Parse(person.NationalIdentityNumber).Kind));
    }

    private Task SeedAsync() => database.SeedAsync();

    private async Task<Counts> CountsAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return new Counts(
            await db.Municipalities.CountAsync(),
            await db.Schools.CountAsync(),
            await db.AppealBodies.CountAsync(),
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            await db.UserRoles.CountAsync());
    }

    private sealed record Counts(int Municipalities, int Schools, int AppealBodies, int Staff, int Roles, int RoleGrants);
}
