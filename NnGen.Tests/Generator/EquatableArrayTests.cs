extern alias NnGenGenerator;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NnGenGenerator::NnGen.Generator.Model;
using Xunit;

namespace NnGen.Tests.Generator;

/// <summary>EquatableArray compares by elements, so that models holding it compare by value.</summary>
public sealed class EquatableArrayTests
{
    private static EquatableArray<string> Of(params string[] items) => items.ToEquatableArray();

    [Fact]
    public void Arrays_with_equal_elements_are_equal_and_hash_alike()
    {
        // Two distinct string instances with the same text: equality must be by value, not by reference.
        EquatableArray<string> left = Of("a", new string('b', 2)), right = Of("a", "bb");

        Assert.True(left.Equals(right));
        Assert.True(left == right);
        Assert.False(left != right);
        Assert.True(left.Equals((object)right));
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "b", "a" })]
    [InlineData(new[] { "a", "b" }, new[] { "a" })]
    [InlineData(new[] { "a" }, new[] { "a", "a" })]
    [InlineData(new string[0], new[] { "" })]
    public void Arrays_differing_in_order_length_or_elements_are_not_equal(string[] left, string[] right)
    {
        Assert.False(Of(left).Equals(Of(right)));
        Assert.True(Of(left) != Of(right));
    }

    [Fact]
    public void Order_and_length_change_the_hash()
    {
        Assert.NotEqual(Of("a", "b").GetHashCode(), Of("b", "a").GetHashCode());
        Assert.NotEqual(Of().GetHashCode(), Of("").GetHashCode());
    }

    [Fact]
    public void Default_empty_and_empty_built_arrays_are_equal()
    {
        EquatableArray<string> @default = default, empty = EquatableArray<string>.Empty, built = Of(), wrapped = new(ImmutableArray<string>.Empty);

        Assert.All(new[] { empty, built, wrapped }, other =>
        {
            Assert.Equal(@default, other);
            Assert.Equal(@default.GetHashCode(), other.GetHashCode());
        });
        Assert.Equal(0, @default.Count);
        Assert.Empty(@default);
        Assert.True(@default.AsImmutableArray().IsEmpty);
    }

    [Fact]
    public void Is_not_equal_to_other_types()
    {
        Assert.False(Of("a").Equals("a"));
        Assert.False(Of("a").Equals(null));
    }

    [Fact]
    public void Enumerates_and_indexes_in_order()
    {
        EquatableArray<string> array = new[] { "x", "y", "z" }.ToEquatableArray();

        Assert.Equal(3, array.Count);
        Assert.Equal("y", array[1]);
        Assert.Equal(new[] { "x", "y", "z" }, array.ToArray());
        Assert.Equal(new[] { "x", "y", "z" }, ((System.Collections.IEnumerable)array).Cast<string>());
    }

    [Fact]
    public void Works_as_a_dictionary_key()
    {
        var seen = new HashSet<EquatableArray<int>> { new[] { 1, 2 }.ToEquatableArray() };

        Assert.Contains(new List<int> { 1, 2 }.ToEquatableArray(), seen);
        Assert.DoesNotContain(new[] { 2, 1 }.ToEquatableArray(), seen);
    }
}
