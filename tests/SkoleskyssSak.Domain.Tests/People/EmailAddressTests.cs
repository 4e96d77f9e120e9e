using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Domain.Tests.People;

/// <summary>Issue 10 item 13: an e-mail address is an address the outbox can deliver to, not any text with an @.</summary>
public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ola.nordmann@example.no")]
    [InlineData("kari+skyss@melhus.kommune.no")]
    [InlineData("per_o'brien@example.com")]
    [InlineData("a@b.co")]
    [InlineData("foresatt@blåbær.no")]
    [InlineData("  forelder@example.no  ")]
    public void Deliverable_addresses_are_accepted(string address) => Assert.True(EmailAddress.IsValid(address));

    [Theory]
    [InlineData("\"><img/src=x/onerror=alert(1)>@x.no")]
    [InlineData("<script>@x.no")]
    [InlineData("\"quoted\"@x.no")]
    [InlineData("a b@x.no")]
    [InlineData("a..b@x.no")]
    [InlineData(".a@x.no")]
    [InlineData("a.@x.no")]
    [InlineData("a@b")]
    [InlineData("a@x_y.no")]
    [InlineData("a@-x.no")]
    [InlineData("a@x.n")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("a@x.no\0")]
    [InlineData("@x.no")]
    [InlineData("a@")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? address) => Assert.False(EmailAddress.IsValid(address));

    [Fact]
    public void Lengths_follow_RFC_5321()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@example.no"));
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.no"));
        Assert.False(EmailAddress.IsValid("a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".no"));
    }
}
