using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Fault.Tests;

/// <summary>
/// Distinct valid synthetic fødselsnumre (Skatteetaten's Tenor test population: month + 80), deterministic, so that no
/// real person's number is ever sent to the app. Parents are born in the 1980s, children in 2015 (grade 3 in 2026).
/// </summary>
internal static class SyntheticPeople
{
    private static readonly int[] FirstCheckWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    private static readonly int[] SecondCheckWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

    /// <summary>The <paramref name="count"/> numbers starting with the <paramref name="first"/>th of the birth year.</summary>
    public static IReadOnlyList<string> Numbers(int birthYear, int first, int count)
    {
        var numbers = new List<string>(count);
        var day = new DateOnly(birthYear, 1, 1).AddDays(first);
        while (numbers.Count < count)
        {
            // 1900–1999: individual numbers 000–499; 2000–2039: 500–999.
            var lowest = birthYear >= 2000 ? 500 : 0;
            for (var individual = lowest; individual < lowest + 500; individual++)
            {
                var candidate = Number(day, individual);
                if (candidate is not null)
                {
                    numbers.Add(candidate);
                    break;
                }
            }

            day = day.AddDays(1);
        }

        return numbers;
    }

    private static string? Number(DateOnly birth, int individual)
    {
        var text = $"{birth.Day:00}{birth.Month + 80:00}{birth.Year % 100:00}{individual:000}";
        var digits = text.Select(c => c - '0').ToList();
        var first = CheckDigit(digits, FirstCheckWeights);
        if (first == 10)
        {
            return null;
        }

        digits.Add(first);
        var second = CheckDigit(digits, SecondCheckWeights);
        if (second == 10)
        {
            return null;
        }

        var number = $"{text}{first}{second}";
        return NationalIdentityNumber.TryParse(number, out var parsed) && parsed!.Kind == NationalIdentityNumberKind.Synthetic ? number : null;
    }

    private static int CheckDigit(List<int> digits, int[] weights)
    {
        var sum = weights.Select((w, i) => w * digits[i]).Sum();
        var check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }
}
