package rule

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/customer"
	"partnerhub/ent/viewer"
)

// A create that a mobile client retries must not create twice: createCustomer takes an idempotency key,
// stored (with the partner, so keys of different partners never meet) in the customer's unique
// creation_key. A retry finds the first customer instead of adding another.

// CreationKey is what is stored for the viewer's idempotency key.
func CreationKey(ctx context.Context, key string) string {
	v := viewer.FromContext(ctx)
	if v == nil || key == "" {
		return ""
	}
	return string(v.PartnerID) + ":" + key
}

// CreatedWith returns the customer that the viewer's partner created with the key, or nil.
func CreatedWith(ctx context.Context, client *ent.Client, key string) (*ent.Customer, error) {
	ck := CreationKey(ctx, key)
	if ck == "" {
		return nil, nil
	}
	c, err := client.Customer.Query().Where(customer.CreationKey(ck)).Only(viewer.SystemContext(ctx))
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return c, err
}
