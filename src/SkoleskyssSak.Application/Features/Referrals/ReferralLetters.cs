using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Decisions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Referrals;

/// <summary>The referral letter to the guardians (opplæringslova § 4-1 first paragraph), and what a decision letter says of referred homes.</summary>
internal static class ReferralLetters
{
    /// <param name="remaining">The homes still with the municipality (none when the whole case is referred).</param>
    public static Letter Compose(DecisionContext context, HomeDistance distance, CountyTransportUnit unit, IReadOnlyList<ApplicationHome> remaining, DateOnly today)
    {
        var language = context.Language;
        string T(string key, params object?[] args) => ReferralTexts.Format(key, language, args);
        var child = context.Form.Child!;
        var home = context.Form.Homes[distance.HomeIndex];
        var unitAddress = unit.PostalAddress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var next = new List<string> { T("LetterNext", unit.Name), T("LetterContact", string.Join(", ", unitAddress)) };
        if (remaining.Count > 0)
        {
            next.Add(T("LetterOtherHomes", string.Join(" / ", remaining.Select(Address))));
        }

        var sections = new List<LetterSection>
        {
            new(T("LetterDistanceHeading"), [T("LetterDistance", Address(home), context.School.Name, ReferralTexts.Km(distance.ConfirmedKm, language), distance.Source, context.Date(distance.MeasuredOn))]),
            new(T("LetterLawHeading"), [T("LetterLaw", child.Grade, ReferralTexts.Km(DistanceEntitlement.LimitKm(child.Grade), language))]),
            new(T("LetterNextHeading"), next),
        };
        IReadOnlyList<string> address = [home.Address, $"{home.PostalCode} {home.Place}"];
        var recipients = context.Form.Guardians.Select(g => new LetterRecipient(g.Name, address))
            .Append(new LetterRecipient(ReferralTexts.Get("LetterCopyTo", language) + " " + unit.Name, unitAddress.Skip(1).ToList()))
            .ToList();
        return CaseLetterFrame.Compose(context, today, T(remaining.Count > 0 ? "LetterTitlePartly" : "LetterTitle"), sections, recipients);
    }

    /// <summary>
    /// For a decision on a case of which one home was referred: that home's right was sent to the county, which answers
    /// about it; the decision is about the other home(s).
    /// </summary>
    public static IReadOnlyList<string> ReferredHomesParagraphs(DecisionContext context)
    {
        var referred = context.HomeDistances?.Where(d => d.IsReferred && d.HomeIndex < context.Form.Homes.Count).ToList() ?? [];
        if (referred.Count == 0)
        {
            return [];
        }

        var others = context.Form.Homes.Where((_, i) => referred.All(d => d.HomeIndex != i)).Select(Address).ToList();
        return referred.Select(d => ReferralTexts.Format(
            "DecisionOtherHomeReferred",
            context.Language,
            Address(context.Form.Homes[d.HomeIndex]),
            context.Date(NorwegianTime.Today(d.ReferredAt!.Value)),
            string.Join(" / ", others))).ToList();
    }

    private static string Address(ApplicationHome home) => $"{home.Address}, {home.PostalCode} {home.Place}";
}
