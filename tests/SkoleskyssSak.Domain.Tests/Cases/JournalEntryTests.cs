using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>Offentleglova § 13 / fvl. § 13: the public journal title never identifies the child.</summary>
public sealed class JournalEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["Emma Nordmann", "Kari Nordmann"];

    private static JournalEntry Register(string publicTitle, JournalEntryKind kind = JournalEntryKind.Incoming) =>
        JournalEntry.Register(Guid.NewGuid(), Guid.NewGuid(), kind, new DateOnly(2026, 11, 21), publicTitle, "Søknad om skoleskyss for Emma Nordmann", Names, Now);

    [Fact]
    public void A_public_title_without_names_is_registered()
    {
        var entry = Register("Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole");
        Assert.Equal("Søknad om skoleskyss for Emma Nordmann", entry.Title);
        Assert.True(entry.VisibleToParties);
    }

    [Theory]
    [InlineData("Søknad om skoleskyss – Emma – Gimse skole")]
    [InlineData("Søknad om skoleskyss – NORDMANN")]
    [InlineData("Søknad om skoleskyss – 12838510068")]
    [InlineData("Søknad om skoleskyss – 128385 10068")]
    public void A_public_title_naming_the_child_or_carrying_a_fodselsnummer_is_refused(string publicTitle) =>
        Assert.Throws<ArgumentException>(() => Register(publicTitle));

    [Fact]
    public void Names_are_matched_as_whole_words_so_a_short_name_does_not_block_ordinary_words()
    {
        var entry = JournalEntry.Register(Guid.NewGuid(), Guid.NewGuid(), JournalEntryKind.Incoming, new DateOnly(2026, 11, 21),
            "Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole", "Søknad for Wei Li", ["Wei Li"], Now);
        Assert.Contains("særlig", entry.PublicTitle, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => JournalEntry.Register(Guid.NewGuid(), Guid.NewGuid(), JournalEntryKind.Incoming,
            new DateOnly(2026, 11, 21), "Søknad – Li – Gimse skole", "Søknad for Wei Li", ["Wei Li"], Now));
    }

    [Fact]
    public void Internal_notes_are_not_shown_to_the_parties() =>
        Assert.False(Register("Notat – synfaring", JournalEntryKind.Note).VisibleToParties);

    [Fact]
    public void A_title_longer_than_300_characters_is_refused() =>
        Assert.Throws<ArgumentException>(() => Register(new string('x', 301)));
}
