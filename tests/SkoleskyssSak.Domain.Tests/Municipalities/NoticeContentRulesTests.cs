using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Tests.Municipalities;

/// <summary>
/// Issue 11: a municipality's wording of the notice keeps what fvl. § 27 third paragraph requires (the right to appeal,
/// the deadline, how to appeal, the right to see the documents) and the notices of suspension (§ 42) and legal costs
/// (§ 36); a wording that drops one is refused, naming what is missing.
/// </summary>
public class NoticeContentRulesTests
{
    public static TheoryData<NoticeText, string, string> Dropped() => new()
    {
        { NoticeText.AppealText, "Send eit brev til {0}. {1} avgjer saka innan tre veker.", "AppealRight" },
        { NoticeText.AppealText, "Du kan klage til {0}; {1} avgjer klaga.", "AppealDeadline" },
        { NoticeText.AppealText, "Du kan klage til {0} innan ein månad; {1} avgjer klaga.", "AppealDeadline" },
        { NoticeText.AppealHow, "Klag i «Mine saker». Du kan be om utsett iverksetting (§ 42) og få dekt sakskostnader (§ 36).", "AppealInWriting" },
        { NoticeText.AppealHow, "Klagen skal være skriftlig. Du kan få dekket sakskostnader (forvaltningsloven § 36).", "Suspension" },
        { NoticeText.AppealHow, "Klagen skal være skriftlig. Du kan be om utsatt iverksetting (forvaltningsloven § 42).", "LegalCosts" },
        { NoticeText.AccessText, "Kontakt kommunen om du lurer på noko.", "DocumentAccess" },
    };

    [Theory]
    [MemberData(nameof(Dropped))]
    public void A_wording_that_drops_required_content_is_refused_naming_it(NoticeText key, string text, string element)
    {
        Assert.Contains(new NoticeTextProblem(NoticeTextProblemKind.MissingContent, Content: element), NoticeTextRules.Check(key, text));
        Assert.Throws<ArgumentException>(() => new LetterTemplateText("4647", key, text, "admin-1", DateTimeOffset.UnixEpoch));
    }

    [Theory]
    [InlineData(NoticeText.AppealText, "Du kan klage til {0} innan tre veker. {1} avgjer klaga.")]
    [InlineData(NoticeText.AppealText, "Klagefristen er 3 uker. Send klagen til {0}; {1} er klageinstans.")]
    [InlineData(NoticeText.AppealHow, "Klaga skal vere skriftleg. Utsett iverksetting: forvaltningslova § 42. Sakskostnader: forvaltningslova § 36.")]
    [InlineData(NoticeText.AccessText, "Du har rett til innsyn (forvaltningsloven § 18).")]
    public void A_reworded_text_that_keeps_the_content_is_accepted(NoticeText key, string text) =>
        Assert.Empty(NoticeTextRules.Check(key, text));

    [Fact]
    public void Every_required_content_has_a_key_that_is_a_notice_text_and_a_statute() =>
        Assert.All(NoticeTextRules.RequiredContent, c =>
        {
            Assert.True(Enum.IsDefined(c.Key));
            Assert.StartsWith("forvaltningsloven §", c.Source, StringComparison.Ordinal);
        });
}
