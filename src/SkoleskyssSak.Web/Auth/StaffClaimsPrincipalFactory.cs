using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Web.Auth;

/// <summary>Adds the staff member's scope (municipality, school, appeal body) to the cookie's claims.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager,
    RoleManager<IdentityRole<Guid>> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole<Guid>>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SkoleskyssClaims.Name, user.DisplayName));
        if (user.MunicipalityNumber is not null)
        {
            identity.AddClaim(new Claim(SkoleskyssClaims.MunicipalityNumber, user.MunicipalityNumber));
        }

        if (user.SchoolId is { } school)
        {
            identity.AddClaim(new Claim(SkoleskyssClaims.SchoolId, school.ToString("D", CultureInfo.InvariantCulture)));
        }

        if (user.AppealBodyCode is not null)
        {
            identity.AddClaim(new Claim(SkoleskyssClaims.AppealBodyCode, user.AppealBodyCode));
        }

        return identity;
    }
}
