using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Staff;
using SkoleskyssSak.Infrastructure.Persistence;

namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>Staff from the Identity tables: users holding a role, scoped to a municipality or an appeal body.</summary>
public sealed class StaffDirectory(AppDbContext db) : IStaffDirectory
{
    public async Task<IReadOnlyList<StaffMember>> CaseworkersOfAsync(string municipalityNumber, CancellationToken cancellationToken)
    {
        var caseworkerRole = db.Roles.Where(r => r.Name == StaffRole.Caseworker).Select(r => r.Id);
        var caseworkers = db.UserRoles.Where(ur => caseworkerRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.MunicipalityNumber == municipalityNumber && caseworkers.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffMember>> AppealBodyMembersOfAsync(string bodyCode, CancellationToken cancellationToken)
    {
        var memberRole = db.Roles.Where(r => r.Name == StaffRole.AppealBodyMember).Select(r => r.Id);
        var members = db.UserRoles.Where(ur => memberRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking()
            .Where(u => u.AppealBodyCode == bodyCode && members.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Select(u => new StaffMember(u.Id, u.DisplayName, u.Email))
            .ToListAsync(cancellationToken);
    }
}
