using Microsoft.AspNetCore.Mvc.Testing;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Web.Tests;

/// <summary>One app with its own database per test class.</summary>
public sealed class AppFixture : SkoleskyssAppFactory
{
    public PageClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
}
