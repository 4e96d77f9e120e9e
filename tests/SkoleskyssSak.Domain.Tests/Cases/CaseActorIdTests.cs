using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Domain.Tests.Cases;

/// <summary>ADR 0004: actors are pseudonymous; a fødselsnummer-shaped id is refused, a staff Guid never is.</summary>
public sealed class CaseActorIdTests
{
    [Theory]
    [InlineData("12838510068")]
    [InlineData("c-12838510068")]
    [InlineData("x 03909010038 y")]
    public void An_id_with_exactly_eleven_digits_in_a_row_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => new CaseActor(id, CaseActorRole.Guardian));

    [Theory]
    [InlineData("7f4c6a55-0000-4000-8000-000000000001")] // a Guid whose last group is twelve digits
    [InlineData("c-0123456789abcdef01234567")]
    [InlineData("1234567890")]
    public void Pseudonyms_and_staff_guids_are_accepted(string id) =>
        Assert.Equal(id, new CaseActor(id, CaseActorRole.Caseworker).Id);

    // Issue 10, item 1: pseudonyms whose hex holds eleven decimal digits in a row (TestID 14819044504 and 12878200002
    // under the tests' key) were refused, so about 1.4 % of citizens could never start a søknad.
    [Theory]
    [InlineData("c-a14819044504bcdef0123456")]
    [InlineData("c-12878200002f0123456789ab")]
    [InlineData("c-0123456789a12838510068ff")] // even a valid fødselsnummer inside the hex is the HMAC's, not a person's
    public void A_pseudonym_with_eleven_digits_in_a_row_is_accepted(string pseudonym)
    {
        Assert.False(CaseActor.ContainsNationalIdentityNumber(pseudonym));
        Assert.Equal(pseudonym, new CaseActor(pseudonym, CaseActorRole.Guardian).Id);
    }

    [Theory]
    [InlineData("12838510069")]     // wrong second check digit: eleven digits, but no fødselsnummer
    [InlineData("x-99999999999")]   // no valid date or check digits
    [InlineData("job-20261207-12345")]
    public void Eleven_digits_that_are_no_fodselsnummer_are_accepted(string id) =>
        Assert.Equal(id, new CaseActor(id, CaseActorRole.System).Id);

    [Theory]
    [InlineData("128385 10068")]    // written 6 + 5, as people do
    [InlineData("c-01019000083")]   // pseudonym prefix, but not a pseudonym's shape
    [InlineData("C-0123456789A12838510068FF")] // upper-case hex is not how pseudonyms are written
    public void A_fodselsnummer_in_any_other_id_is_refused(string id)
    {
        Assert.True(CaseActor.ContainsNationalIdentityNumber(id));
        Assert.Throws<ArgumentException>(() => new CaseActor(id, CaseActorRole.Guardian));
    }
}
