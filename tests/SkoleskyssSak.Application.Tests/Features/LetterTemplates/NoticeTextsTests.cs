using System.Globalization;
using SkoleskyssSak.Application.Features.LetterTemplates;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Tests.Features.LetterTemplates;

/// <summary>The default notice texts (fvl. § 27) are what an override must look like: same placeholders, no other braces.</summary>
public sealed class NoticeTextsTests
{
    public static TheoryData<NoticeText, LanguageForm> Defaults()
    {
        var data = new TheoryData<NoticeText, LanguageForm>();
        foreach (var key in Enum.GetValues<NoticeText>())
        {
            data.Add(key, LanguageForm.Bokmal);
            data.Add(key, LanguageForm.Nynorsk);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void Every_default_has_exactly_the_placeholders_an_override_must_keep(NoticeText key, LanguageForm languageForm)
    {
        var text = NoticeTexts.Default(key, languageForm);
        Assert.NotEqual(key.ToString(), text); // found in the resx
        Assert.Empty(NoticeTextRules.Check(key, text));
    }

    [Fact]
    public void Messages_name_the_placeholder_and_what_the_letter_puts_there()
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nn-NO");
        try
        {
            var messages = NoticeTexts.Messages(NoticeText.AppealText, NoticeTextRules.Check(NoticeText.AppealText, "Klag til {0} innan tre veker eller {2} {"));
            Assert.Equal(3, messages.Length);
            Assert.Contains(messages, m => m.Contains("{1}", StringComparison.Ordinal) && m.Contains("klageinstansen", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("{2}", StringComparison.Ordinal) && m.Contains("{0}, {1}", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.StartsWith("Klammeparentesar", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
