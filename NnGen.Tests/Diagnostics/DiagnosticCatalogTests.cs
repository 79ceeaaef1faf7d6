extern alias NnGenGenerator;

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using NnGenGenerator::NnGen.Generator.Diagnostics;
using NnGen.Tests.Infrastructure;
using Xunit;

namespace NnGen.Tests.Diagnostics;

/// <summary>The descriptors themselves: numbered without gaps, complete, tracked, and each covered by a test both ways.</summary>
public sealed class DiagnosticCatalogTests
{
    private static IReadOnlyList<DiagnosticDescriptor> Descriptors()
        => typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
            .ToList();

    [Fact]
    public void Ids_run_from_NNG0001_without_gaps_or_repeats()
    {
        string[] ids = Descriptors().Select(d => d.Id).ToArray();
        string[] expected = Enumerable.Range(1, ids.Length).Select(i => $"NNG{i:D4}").ToArray();

        Assert.Equal(expected, ids);
        Assert.Contains("NNG0015", ids);
    }

    [Fact]
    public void Every_descriptor_is_complete_and_an_error_unless_it_only_informs()
    {
        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()), descriptor.Id);
            Assert.Contains(":", descriptor.MessageFormat.ToString(), StringComparison.Ordinal);
            Assert.Equal("NnGen", descriptor.Category);
            // NNG0023 only says that a network gets no GPU class; its CPU code is fine, so it must not fail a build.
            Assert.Equal(descriptor.Id == "NNG0023" ? DiagnosticSeverity.Info : DiagnosticSeverity.Error, descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_descriptor_is_tracked_in_the_analyzer_release_files()
    {
        string generator = Path.Combine(RepositoryRoot(), "NnGen.Generator");
        string tracked = File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Shipped.md"))
                         + File.ReadAllText(Path.Combine(generator, "AnalyzerReleases.Unshipped.md"));

        foreach (DiagnosticDescriptor descriptor in Descriptors())
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title}", tracked, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_descriptor_has_a_test_that_reports_it_and_one_that_does_not()
    {
        string[] tests = typeof(DiagnosticCatalogTests).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(DiagnosticCatalogTests).Namespace)
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttributes<FactAttribute>().Any())
            .Select(method => method.Name)
            .ToArray();

        foreach (DiagnosticDescriptor descriptor in Descriptors())
        {
            Assert.Contains(tests, name => name.StartsWith(descriptor.Id + "_reported", StringComparison.Ordinal));
            Assert.Contains(tests, name => name.StartsWith(descriptor.Id + "_not_reported", StringComparison.Ordinal));
        }
    }

    private static string RepositoryRoot([CallerFilePath] string callerFile = "")
        => Path.GetFullPath(Path.Combine(SourceDirectory.Of(callerFile), "..", ".."));
}
