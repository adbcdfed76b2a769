namespace TradingBot.Benchmarks.Runner;

/// <summary>The synthetic suite's four bindings in C# and JavaScript, and its test project.</summary>
public static class SyntheticBindings
{
    public const string CSharp = """
        using NUnit.Framework;
        using Reqnroll;

        [assembly: Parallelizable(ParallelScope.Fixtures)]

        namespace Synthetic;

        public sealed class Total
        {
            public int Value { get; set; }
        }

        [Binding]
        public sealed class TotalSteps(Total total)
        {
            [Given("the total starts at {int}")]
            public void GivenTheTotalStartsAt(int value) => total.Value = value;

            [When("{int} is added")]
            public void WhenIsAdded(int value) => total.Value += value;

            [When("the total is doubled")]
            public void WhenTheTotalIsDoubled() => total.Value *= 2;

            [Then("the total is {int}")]
            public void ThenTheTotalIs(int expected) => Assert.That(total.Value, Is.EqualTo(expected), "total");
        }

        """;

    public const string JavaScript = """
        const { Given, When, Then } = require('@cucumber/cucumber');
        const assert = require('node:assert');

        Given('the total starts at {int}', function (value) { this.total = value; });
        When('{int} is added', function (value) { this.total += value; });
        When('the total is doubled', function () { this.total *= 2; });
        Then('the total is {int}', function (expected) { assert.strictEqual(this.total, expected, 'total'); });

        """;

    /// <summary>
    /// A test project linking the integration's sources and importing the acceptance project's test host
    /// settings (<c>TestHost.props</c>); on the platform it is its own test host.
    /// </summary>
    public static string Project(string repository, bool platform) => $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <Import Project="{{repository}}/TestHost.props" />
          <PropertyGroup>
            <IsPackable>false</IsPackable>
            <IsTestProject>true</IsTestProject>
            <RootNamespace>TradingBot.Acceptance</RootNamespace>
            <NoWarn>$(NoWarn);CA1515;CA1707;NUnit2045</NoWarn>
            {{(platform ? "<OutputType>Exe</OutputType><EnableNUnitRunner>true</EnableNUnitRunner>" : "")}}
          </PropertyGroup>
          <ItemGroup>
            <Compile Include="{{repository}}/ReqnrollNUnit/**/*.cs" Link="ReqnrollNUnit/%(RecursiveDir)%(Filename)%(Extension)" />
            <Compile Include="{{repository}}/Support/Reports/*.cs;{{repository}}/Support/TestAssemblyPlugin.cs" Link="Support/%(RecursiveDir)%(Filename)%(Extension)" />
            <None Include="../features/*.feature" Link="Features/%(Filename)%(Extension)" CopyToOutputDirectory="PreserveNewest" />
            <None Include="reqnroll.json" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
          <ItemGroup>
            <PackageReference Include="Reqnroll" />
            <PackageReference Include="NUnit" />
            <PackageReference Include="NUnit3TestAdapter" />
            {{(platform ? "" : """<PackageReference Include="Microsoft.NET.Test.Sdk" />""")}}
          </ItemGroup>
        </Project>

        """;
}
