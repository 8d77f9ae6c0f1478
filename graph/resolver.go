package graph

import "partnerhub/ent"

// Resolver is the root resolver. Resolvers stay thin: rules live in the ent schema (ent/rule).
type Resolver struct {
	client *ent.Client
	// publicBase is Options.PublicURL, for links sent to people.
	publicBase string
}
