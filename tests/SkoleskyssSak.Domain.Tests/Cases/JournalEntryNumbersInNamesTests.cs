using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>
/// Issue 10 item 2: a number in a person's name (the TestID person "Last Test 20") made every public title fail, the bare
/// case number included, and the submission answered 500 on every retry. The rule refuses the child's name and a
/// fødselsnummer (offentleglova § 13), not a school year or a sequence number.
/// </summary>
public sealed class JournalEntryNumbersInNamesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    private static JournalEntry Register(string publicTitle, params string[] names) =>
        JournalEntry.Register(Guid.NewGuid(), Guid.NewGuid(), JournalEntryKind.Incoming, new DateOnly(2026, 11, 21), publicTitle, "Søknad", names, Now);

    [Theory]
    [InlineData("Søknad om skoleskyss – særlig farlig skoleveg – 2026/2027 – Gimse skole")]
    [InlineData("Søknad om skoleskyss – 2026/2027")]
    [InlineData("2026/00020")]
    [InlineData("2026/00001")]
    public void A_number_in_a_name_does_not_block_a_year_or_a_case_number(string publicTitle) =>
        Assert.Equal(publicTitle, Register(publicTitle, "Last Test 20", "Test 2026 Person").PublicTitle);

    [Theory]
    [InlineData("Søknad – Last – 2026/2027")]
    [InlineData("Søknad – TEST – 2026/00020")]
    public void The_words_of_such_a_name_are_still_refused(string publicTitle) =>
        Assert.Throws<ArgumentException>(() => Register(publicTitle, "Last Test 20"));

    [Fact]
    public void A_fodselsnummer_is_still_refused_whatever_the_names() =>
        Assert.Throws<ArgumentException>(() => Register("Søknad – 15091550013", "Last Test 20"));
}
