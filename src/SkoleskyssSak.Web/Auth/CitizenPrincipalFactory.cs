using System.Security.Claims;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Web.Auth;

/// <summary>Builds the signed-in parent's principal, the same for ID-porten and TestID.</summary>
public sealed class CitizenPrincipalFactory(ICitizenPseudonyms pseudonym)
{
    public ClaimsPrincipal Create(string personIdentifier, string? name, string authenticationMethod)
    {
        var identity = new ClaimsIdentity(AuthSchemes.Citizen, SkoleskyssClaims.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(SkoleskyssClaims.Subject, pseudonym.PseudonymFor(personIdentifier)));
        identity.AddClaim(new Claim(SkoleskyssClaims.PersonIdentifier, personIdentifier));
        identity.AddClaim(new Claim(SkoleskyssClaims.Name, string.IsNullOrWhiteSpace(name) ? "Innlogget foresatt" : name));
        identity.AddClaim(new Claim(ClaimTypes.AuthenticationMethod, authenticationMethod));
        return new ClaimsPrincipal(identity);
    }
}
