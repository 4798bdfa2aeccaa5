using System.Collections.Generic;

namespace Storefront
{
    public class Customer
    {
        public int Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Email { get; set; } = string.Empty;

        public List<Order> Orders { get; set; } = new List<Order>();
    }
}
