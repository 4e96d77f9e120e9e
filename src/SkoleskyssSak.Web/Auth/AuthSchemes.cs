using Microsoft.AspNetCore.Identity;

namespace SkoleskyssSak.Web.Auth;

/// <summary>The two kinds of sign-in: staff with ASP.NET Core Identity, parents (citizens) through ID-porten.</summary>
public static class AuthSchemes
{
    /// <summary>Cookie of a signed-in parent (foresatt).</summary>
    public const string Citizen = "Citizen";

    /// <summary>OpenID Connect (authorization code flow with PKCE, nonce and state) against ID-porten (production).</summary>
    public const string IdPorten = "IdPorten";

    /// <summary>Cookie of a signed-in staff member.</summary>
    public static readonly string Staff = IdentityConstants.ApplicationScheme;

    /// <summary>Picks the citizen or staff cookie for a request.</summary>
    public const string Default = "CitizenOrStaff";
}

public static class Policies
{
    public const string Parent = nameof(Parent);
    public const string Staff = nameof(Staff);
}

/// <summary>Claim types of our own. The person identifier (fødselsnummer) lives only in the encrypted cookie.</summary>
public static class SkoleskyssClaims
{
    /// <summary>ID-porten's person identifier: fødselsnummer or D-nummer. Personal data: never log it.</summary>
    public const string PersonIdentifier = "pid";

    /// <summary>Pseudonymous id of a citizen, safe for logs and audit records.</summary>
    public const string Subject = "sub";

    public const string Name = "name";

    /// <summary>ID-porten's session id (the id_token's <c>sid</c>), named in its front-channel logout; not our session's <c>sid</c>.</summary>
    public const string IdPortenSessionId = "idporten_sid";

    public const string MunicipalityNumber = "municipality";

    public const string SchoolId = "school";

    public const string AppealBodyCode = "appeal_body";
}
