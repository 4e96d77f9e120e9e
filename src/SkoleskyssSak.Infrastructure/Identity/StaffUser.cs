using Microsoft.AspNetCore.Identity;

namespace SkoleskyssSak.Infrastructure.Identity;

/// <summary>
/// A municipal or appeal-body employee signing in with ASP.NET Core Identity. The scope says which
/// tenant the roles apply to: a caseworker or admin to a municipality, school staff to a school,
/// an appeal-body member to an appeal body.
/// </summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public string? MunicipalityNumber { get; set; }

    public Guid? SchoolId { get; set; }

    public string? AppealBodyCode { get; set; }
}
