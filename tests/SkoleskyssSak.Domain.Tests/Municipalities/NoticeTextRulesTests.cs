using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Domain.Tests.Municipalities;

/// <summary>A municipality's wording of a notice text (fvl. § 27) keeps exactly the placeholders the letter fills.</summary>
public class NoticeTextRulesTests
{
    /// <summary>Every key: a text with its placeholders is accepted as it stands.</summary>
    public static TheoryData<NoticeText, string> Valid() => new()
    {
        { NoticeText.AppealHeading, "Klagerett" },
        { NoticeText.AppealText, "Klag til {0} innan tre veker. Klageinstans: {1}." },
        { NoticeText.AppealText, "Klageinstans er {1}; klaga går først til {0} innan tre veker, og {0} vurderer ho på nytt." },
        { NoticeText.AppealHow, "Send klaga skriftleg til postmottak@kommune.no. Utsett iverksetting: § 42. Sakskostnader: § 36." },
        { NoticeText.AccessHeading, "Innsyn" },
        { NoticeText.AccessText, "Du kan sjå dokumenta (forvaltningslova §§ 18 og 19)." },
        { NoticeText.GuidanceHeading, "Rettleiing" },
        { NoticeText.GuidanceText, "Ring {0} på 57 72 00 00." },
        { NoticeText.SignatureRegards, "Helsing" },
        { NoticeText.SignatureNote, "Godkjent elektronisk." },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_text_with_the_placeholders_of_its_key_is_accepted(NoticeText key, string text)
    {
        Assert.Empty(NoticeTextRules.Check(key, text));
        var stored = new LetterTemplateText("4647", key, text, "admin-1", DateTimeOffset.UnixEpoch);
        Assert.Equal(text, stored.Text);
    }

    /// <summary>Every key: what is refused, and the placeholder named.</summary>
    public static TheoryData<NoticeText, string, NoticeTextProblemKind, string?> Invalid() => new()
    {
        { NoticeText.AppealHeading, "", NoticeTextProblemKind.Empty, null },
        { NoticeText.AppealHeading, "Klage {0}", NoticeTextProblemKind.UnknownPlaceholder, "{0}" },
        { NoticeText.AppealText, "Klag til {0} innan tre veker.", NoticeTextProblemKind.MissingPlaceholder, "{1}" },
        { NoticeText.AppealText, "Klageinstans: {1}.", NoticeTextProblemKind.MissingPlaceholder, "{0}" },
        { NoticeText.AppealText, "Klag til {0}, så {1}, så {2}.", NoticeTextProblemKind.UnknownPlaceholder, "{2}" },
        { NoticeText.AppealText, "Klag til {0:d} og {1}.", NoticeTextProblemKind.UnknownPlaceholder, "{0:d}" },
        { NoticeText.AppealText, "Klag til {0} og {1} {", NoticeTextProblemKind.StrayBrace, null },
        { NoticeText.AppealHow, "Skriv til oss } i dag.", NoticeTextProblemKind.StrayBrace, null },
        { NoticeText.AccessHeading, "   ", NoticeTextProblemKind.Empty, null },
        { NoticeText.AccessText, "Innsyn i {1}.", NoticeTextProblemKind.UnknownPlaceholder, "{1}" },
        { NoticeText.GuidanceHeading, "Spørsmål {{", NoticeTextProblemKind.StrayBrace, null },
        { NoticeText.GuidanceText, "Ta kontakt med kommunen.", NoticeTextProblemKind.MissingPlaceholder, "{0}" },
        { NoticeText.GuidanceText, "Ta kontakt med {0} eller {1}.", NoticeTextProblemKind.UnknownPlaceholder, "{1}" },
        { NoticeText.SignatureRegards, new string('x', NoticeTextRules.MaxLength + 1), NoticeTextProblemKind.TooLong, null },
        { NoticeText.SignatureNote, "{ }", NoticeTextProblemKind.UnknownPlaceholder, "{ }" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void A_text_that_loses_or_adds_a_placeholder_is_refused(NoticeText key, string text, NoticeTextProblemKind kind, string? placeholder)
    {
        Assert.Contains(new NoticeTextProblem(kind, placeholder), NoticeTextRules.Check(key, text));
        Assert.Throws<ArgumentException>(() => new LetterTemplateText("4647", key, text, "admin-1", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Every_key_has_its_placeholders_declared_and_accepted_text_formats_with_them()
    {
        foreach (var key in Enum.GetValues<NoticeText>())
        {
            var placeholders = NoticeTextRules.Placeholders(key);
            const string requiredContent = " Klage skriftlig innen tre uker, § 42, § 36, §§ 18 og 19.";
            var text = "Tekst " + string.Concat(placeholders) + requiredContent;
            Assert.Empty(NoticeTextRules.Check(key, text));
            var values = placeholders.Select(p => (object?)("verdi" + p)).ToArray();
            Assert.Equal("Tekst " + string.Concat(placeholders.Select(p => "verdi" + p)) + requiredContent, string.Format(System.Globalization.CultureInfo.InvariantCulture, text, values));
        }
    }

    [Fact]
    public void Both_a_missing_and_an_added_placeholder_are_reported()
    {
        var problems = NoticeTextRules.Check(NoticeText.AppealText, "Klag til {0} eller {2} innen tre uker.");
        Assert.Equal([new NoticeTextProblem(NoticeTextProblemKind.UnknownPlaceholder, "{2}"), new NoticeTextProblem(NoticeTextProblemKind.MissingPlaceholder, "{1}")], problems);
    }
}
