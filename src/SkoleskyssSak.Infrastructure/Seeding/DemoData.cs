using System.Text.Json;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Infrastructure.Seeding;

/// <summary>The content of demo-data.json (embedded): the four municipalities, schools, appeal bodies, demo users.</summary>
public sealed record DemoData(
    IReadOnlyList<DemoData.MunicipalityRow> Municipalities,
    IReadOnlyList<DemoData.SchoolRow> Schools,
    IReadOnlyList<DemoData.AppealBodyRow> AppealBodies,
    IReadOnlyList<DemoData.StaffRow> Staff,
    IReadOnlyList<DemoData.TestIdPersonRow> TestIdPersons,
    IReadOnlyList<DemoData.CountyTransportUnitRow>? CountyTransportUnits = null)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly Lazy<DemoData> Embedded = new(Load);

    public static DemoData Instance => Embedded.Value;

    private static DemoData Load()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("SkoleskyssSak.DemoData.json")
            ?? throw new InvalidOperationException("demo-data.json is not embedded.");
        return JsonSerializer.Deserialize<DemoData>(stream, JsonOptions) ?? throw new InvalidOperationException("demo-data.json is empty.");
    }

    /// <param name="HandlingUnit">Demo configuration: the unit parents see as handling their case.</param>
    /// <param name="ExpectedProcessingWeeks">Demo configuration: the announced processing time.</param>
    public sealed record MunicipalityRow(string Number, string Name, string County, LanguageForm LanguageForm, string PostalAddress, string? HandlingUnit = null, int? ExpectedProcessingWeeks = null, bool DecisionRequiresSecondApproval = false);

    public sealed record SchoolRow(Guid Id, string Municipality, string Name, int LowestGrade, int HighestGrade, bool IsPrivate);

    public sealed record AppealBodyRow(string Code, string Name, AppealBodyKind Kind, string PostalAddress);

    /// <summary>The county unit that handles transport by distance (opplæringslova § 4-1 first paragraph), per county (issue 11).</summary>
    public sealed record CountyTransportUnitRow(string County, string Name, string PostalAddress, string Email);

    public sealed record StaffRow(string Email, string DisplayName, string Role, string? Municipality, Guid? School, string? AppealBody);

    public sealed record TestIdPersonRow(string NationalIdentityNumber, string Name, string Note);
}
