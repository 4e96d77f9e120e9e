using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Seeding;

/// <summary>
/// Loads demo-data.json into the database. Idempotent: rows are matched on their natural keys and updated,
/// never duplicated, so it runs at every start in Development. Refused in Production by the caller.
/// </summary>
public sealed class DemoDataSeeder(AppDbContext db, UserManager<StaffUser> users, RoleManager<IdentityRole<Guid>> roles, ILogger<DemoDataSeeder> logger)
{
    /// <summary>Password of every demo staff user; printed at start-up in Development.</summary>
    public const string DemoPassword = "Demo-Skoleskyss-2026!";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var data = DemoData.Instance;
        await SeedOrganisationAsync(data, cancellationToken);
        await SeedRolesAsync();
        await SeedStaffAsync(data);
        logger.LogInformation(
            "Demo data ready: {Municipalities} municipalities, {Schools} schools, {AppealBodies} appeal bodies, {Staff} staff users",
            data.Municipalities.Count, data.Schools.Count, data.AppealBodies.Count, data.Staff.Count);
    }

    private async Task SeedOrganisationAsync(DemoData data, CancellationToken cancellationToken)
    {
        var municipalities = await db.Municipalities.ToDictionaryAsync(m => m.Number, cancellationToken);
        foreach (var row in data.Municipalities)
        {
            if (!municipalities.TryGetValue(row.Number, out var municipality))
            {
                municipality = new Municipality(row.Number, row.Name, row.County, row.LanguageForm, row.PostalAddress);
                db.Municipalities.Add(municipality);
            }

            municipality.Update(row.Name, row.County, row.LanguageForm, row.PostalAddress);
            municipality.SetCaseHandling(row.HandlingUnit, row.ExpectedProcessingWeeks);
            municipality.SetFourEyes(row.DecisionRequiresSecondApproval);
        }

        await db.SaveChangesAsync(cancellationToken);

        var schools = await db.Schools.ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var row in data.Schools)
        {
            if (schools.TryGetValue(row.Id, out var existing))
            {
                existing.Update(row.Name, row.LowestGrade, row.HighestGrade, row.IsPrivate);
            }
            else
            {
                db.Schools.Add(new School(row.Id, row.Municipality, row.Name, row.LowestGrade, row.HighestGrade, row.IsPrivate));
            }
        }

        var bodies = await db.AppealBodies.ToDictionaryAsync(b => b.Code, cancellationToken);
        foreach (var row in data.AppealBodies)
        {
            if (bodies.TryGetValue(row.Code, out var existing))
            {
                existing.Update(row.Name, row.Kind, row.PostalAddress);
            }
            else
            {
                db.AppealBodies.Add(new AppealBody(row.Code, row.Name, row.Kind, row.PostalAddress));
            }
        }

        var units = await db.CountyTransportUnits.ToDictionaryAsync(u => u.County, cancellationToken);
        foreach (var row in data.CountyTransportUnits ?? [])
        {
            if (units.TryGetValue(row.County, out var existing))
            {
                existing.Update(row.Name, row.PostalAddress, row.Email);
            }
            else
            {
                db.CountyTransportUnits.Add(new CountyTransportUnit(row.County, row.Name, row.PostalAddress, row.Email));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in StaffRole.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Ensure(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    private async Task SeedStaffAsync(DemoData data)
    {
        foreach (var row in data.Staff)
        {
            var user = await users.FindByEmailAsync(row.Email);
            if (user is null)
            {
                user = new StaffUser
                {
                    Id = Guid.CreateVersion7(),
                    UserName = row.Email,
                    Email = row.Email,
                    EmailConfirmed = true,
                    DisplayName = row.DisplayName,
                    MunicipalityNumber = row.Municipality,
                    SchoolId = row.School,
                    AppealBodyCode = row.AppealBody,
                };
                Ensure(await users.CreateAsync(user, DemoPassword), row.Email);
            }

            if (!await users.IsInRoleAsync(user, row.Role))
            {
                Ensure(await users.AddToRoleAsync(user, row.Role), row.Email);
            }
        }
    }

    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
