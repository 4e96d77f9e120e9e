namespace SkoleskyssSak.Application.Abstractions;

/// <summary>The staff accounts the use cases need to know of (the accounts themselves live in Infrastructure's Identity store).</summary>
public interface IStaffDirectory
{
    /// <summary>The caseworkers of a municipality, by display name: whom a case of it may be assigned to.</summary>
    Task<IReadOnlyList<StaffMember>> CaseworkersOfAsync(string municipalityNumber, CancellationToken cancellationToken);

    /// <summary>The members of an appeal body: whom a notice about a case forwarded to it goes to (e.g. the appeal is withdrawn).</summary>
    Task<IReadOnlyList<StaffMember>> AppealBodyMembersOfAsync(string bodyCode, CancellationToken cancellationToken);
}

/// <param name="Id">The staff user id (pseudonymous; what case events and assignments store).</param>
/// <param name="Email">Where notices to the caseworker go (e.g. an appeal body's decision on a case).</param>
public sealed record StaffMember(Guid Id, string DisplayName, string? Email = null);
