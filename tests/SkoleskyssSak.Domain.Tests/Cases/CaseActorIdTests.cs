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
}
