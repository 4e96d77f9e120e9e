using Microsoft.Extensions.Options;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.People;
using SkoleskyssSak.Infrastructure.Identity;

namespace SkoleskyssSak.Infrastructure.Tests.Pseudonyms;

/// <summary>
/// Issue 10, item 1: every citizen can apply. The pseudonym (ADR 0004) of any valid number must pass the check that
/// keeps fødselsnummer out of actor ids (<see cref="CaseActor"/>), and that check must still recognise the number itself.
/// Pure unit code over 200,000 synthetic numbers (Tenor: month + 80, valid check digits), no HTTP.
/// </summary>
public sealed class CitizenPseudonymPropertyTests
{
    private const int Count = 200_000;

    [Theory]
    [InlineData("test-only-pseudonym-key-0123456789abcdef")] // the key SkoleskyssAppFactory gives the app
    [InlineData("development-only-pseudonym-key-not-secret-0123456789")] // appsettings.Development.json
    [InlineData("another-secret-key-of-at-least-32-characters!")]
    public void Every_valid_number_gets_a_pseudonym_that_may_act_and_the_number_itself_may_not(string key)
    {
        var pseudonyms = new CitizenPseudonym(Options.Create(new CitizenPseudonymOptions { Key = key }));
        var withElevenDigitRun = 0;
        foreach (var number in SyntheticNumbers(Count))
        {
            var pseudonym = pseudonyms.PseudonymFor(number);
            if (CaseActor.ContainsNationalIdentityNumber(pseudonym))
            {
                Assert.Fail($"The pseudonym {pseudonym} is refused as an actor id.");
            }

            _ = new CaseActor(pseudonym, CaseActorRole.Guardian);
            if (!CaseActor.ContainsNationalIdentityNumber(number))
            {
                Assert.Fail("A valid synthetic number was not recognised as a fødselsnummer.");
            }

            if (HasRunOfElevenDigits(pseudonym))
            {
                withElevenDigitRun++;
            }
        }

        // The property is not vacuous: about 1.4 % of pseudonyms hold eleven digits in a row (the old check refused them).
        Assert.InRange(withElevenDigitRun, Count / 200, Count / 20);
    }

    [Fact]
    public void The_generator_yields_distinct_valid_synthetic_numbers()
    {
        var numbers = SyntheticNumbers(10_000).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n =>
        {
            Assert.True(NationalIdentityNumber.TryParse(n, out var parsed));
            Assert.Equal(NationalIdentityNumberKind.Synthetic, parsed!.Kind);
        });
    }

    /// <summary>Distinct Tenor test numbers born 1940–2025, deterministic (fixed seed).</summary>
    private static IEnumerable<string> SyntheticNumbers(int count)
    {
        var random = new Random(20261207);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var first = new DateOnly(1940, 1, 1);
        var days = new DateOnly(2025, 12, 31).DayNumber - first.DayNumber;
        var d = new int[11];
        while (seen.Count < count)
        {
            var birth = first.AddDays(random.Next(days + 1));
            var individual = birth.Year >= 2000 ? random.Next(500, 1000) : random.Next(0, 500);
            var text = $"{birth.Day:00}{birth.Month + 80:00}{birth.Year % 100:00}{individual:000}";
            for (var i = 0; i < 9; i++)
            {
                d[i] = text[i] - '0';
            }

            var k1 = Check(d, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
            if (k1 > 9)
            {
                continue;
            }

            d[9] = k1;
            var k2 = Check(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
            if (k2 > 9)
            {
                continue;
            }

            var number = $"{text}{k1}{k2}";
            if (seen.Add(number))
            {
                yield return number;
            }
        }
    }

    private static int Check(int[] digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += digits[i] * weights[i];
        }

        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check; // 10: no valid number
    }

    private static bool HasRunOfElevenDigits(string value)
    {
        var run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run >= 11)
            {
                return true;
            }
        }

        return false;
    }
}
