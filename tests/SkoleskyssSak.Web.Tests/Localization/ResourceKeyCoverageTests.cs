using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.Json;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Staff;

namespace SkoleskyssSak.Web.Tests.Localization;

/// <summary>
/// Every resource key the code builds from an enum or a code ("CaseState_" + state) exists in Bokmål (the neutral
/// .resx) and in Nynorsk (.nn.resx) of the resource file the code reads it from, so no page or letter ever shows a
/// bare key or falls back to Bokmål in a Nynorsk municipality (issue 12). One row per prefix the code builds keys with.
/// </summary>
public sealed class ResourceKeyCoverageTests
{
    private const string Web = "SkoleskyssSak.Web.Resources.Localization.SharedResource";
    private const string Case = "SkoleskyssSak.Application.Resources.CaseTexts";
    private const string Explanation = "SkoleskyssSak.Application.Resources.ExplanationTexts";

    private static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn");

    public static TheoryData<string, string, string[]> KeysBuiltFromCodes => new()
    {
        // Pages (Web/Resources/Localization.SharedResource)
        { Web, "CaseState_", Names<CaseState>() },
        { Web, "CaseTrigger_", Names<CaseTrigger>() },
        { Web, "ActorRole_", Names<CaseActorRole>() },
        { Web, "DocumentKind_", Names<CaseDocumentKind>() },
        { Web, "DecisionOutcome_", Names<DecisionOutcome>() },
        { Web, "MyCaseOutcome_", Names<DecisionOutcome>() },
        { Web, "AppealChannel_", Names<AppealChannel>() },
        { Web, "LateHandling_", Names<LateAppealHandling>() },
        { Web, "AppealBodyOutcome_", Names<AppealBodyOutcome>() },
        // The body's own choices: a withdrawal is the party's act (AppealWithdrawal), never chosen by the body.
        { Web, "AppealBodyChoice_", Names<AppealBodyOutcome>(except: AppealBodyOutcome.Withdrawn) },
        { Web, "Factor_", Names<SubjectiveFactor>() },
        { Web, "Outcome_", CamelNames<TransportOutcome>() },
        { Web, "ManualVerdict_", CamelNames<TransportOutcome>(except: TransportOutcome.ConsiderWinter) },
        { Web, "AdminStatus_", Names<RulebookStatus>() },
        { Web, "AdminSeverity_", ["Error", "Warning"] },
        { Web, "Role_", [.. StaffRole.All] },
        { Web, "AuditActorKind_", ["Anonymous", "Citizen", "Staff", "System"] },
        { Web, "NoticeText_", Names<NoticeText>() },

        // Letters, journal and case file (Application/Resources/CaseTexts)
        // Outcomes an answer to the application can have (a dismissed appeal has a letter of its own).
        { Case, "Outcome_", Names<DecisionOutcome>().Where(o => DecisionOutcomes.IsOnTheApplication(Enum.Parse<DecisionOutcome>(o))).ToArray() },
        { Case, "GroundsDecision_", Names<DecisionOutcome>().Where(o => DecisionOutcomes.IsOnTheApplication(Enum.Parse<DecisionOutcome>(o))).ToArray() },
        { Case, "AppealNewOutcome_", Names<DecisionOutcome>().Where(o => DecisionOutcomes.IsOnTheApplication(Enum.Parse<DecisionOutcome>(o))).ToArray() },

        // Letters the municipality composes; the appeal body's reversal carries the body's own uploaded letter.
        { Case, "DecisionTitle_", Names<DecisionKind>(except: DecisionKind.AppealBodyReversal) },
        { Case, "TransportOutcome_", Names<TransportOutcome>() },
        { Case, "ManualVerdict_", Names<TransportOutcome>(except: TransportOutcome.ConsiderWinter) },
        { Case, "AppealBodyOutcome_", Names<AppealBodyOutcome>() },
        { Case, "AppealDocumentChannel_", Names<AppealChannel>() },
        { Case, "BundleApplicationPeriod_", Names<TransportPeriod>() },
        { Case, "Factor_", Names<SubjectiveFactor>() },

        // The route check's explanation (Application/Resources/ExplanationTexts)
        { Explanation, "Outcome_", Names<TransportOutcome>() },
    };

    [Theory]
    [MemberData(nameof(KeysBuiltFromCodes))]
    public void A_key_built_from_a_code_exists_in_Bokmal_and_Nynorsk(string resource, string prefix, string[] codes)
    {
        var manager = new ResourceManager(resource, resource.StartsWith("SkoleskyssSak.Web", StringComparison.Ordinal) ? typeof(Program).Assembly : typeof(SkoleskyssSak.Application.Cases.CaseTexts).Assembly);
        var bokmal = Keys(manager, CultureInfo.InvariantCulture);
        var nynorsk = Keys(manager, Nynorsk);
        var expected = codes.Select(code => prefix + code).ToList();
        Assert.Empty(expected.Where(key => !bokmal.Contains(key)).Select(key => "nb: " + key));
        Assert.Empty(expected.Where(key => !nynorsk.Contains(key)).Select(key => "nn: " + key));
    }

    private static HashSet<string> Keys(ResourceManager manager, CultureInfo culture)
    {
        // Only this culture's own file: a Nynorsk key missing must not be found through the Bokmål fallback.
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Names<TEnum>(params TEnum[] except)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Where(v => !except.Contains(v)).Select(v => v.ToString())];

    private static string[] CamelNames<TEnum>(params TEnum[] except)
        where TEnum : struct, Enum =>
        [.. Names(except).Select(JsonNamingPolicy.CamelCase.ConvertName)];
}
