namespace SkoleskyssSak.Domain.Staff;

/// <summary>
/// Roles of municipal and appeal-body staff. Each is scoped: a caseworker and an admin to a municipality,
/// school staff to a school, an appeal-body member to an appeal body.
/// </summary>
public static class StaffRole
{
    public const string Caseworker = nameof(Caseworker);
    public const string SchoolStaff = nameof(SchoolStaff);
    public const string AppealBodyMember = nameof(AppealBodyMember);
    public const string MunicipalityAdmin = nameof(MunicipalityAdmin);

    public static readonly IReadOnlyList<string> All = [Caseworker, SchoolStaff, AppealBodyMember, MunicipalityAdmin];
}
