package graph

import (
	"context"

	"partnerhub/ent"
	"partnerhub/ent/activity"
	"partnerhub/ent/rule"
	"partnerhub/ent/session"
	"partnerhub/ent/viewer"
)

// startSession signs u in: a browser session (cookie) or, when tokenName is set, an access token.
func (r *mutationResolver) startSession(ctx context.Context, u *ent.User, tokenName *string) (*SignInPayload, error) {
	kind, name, lifetime := session.KindCOOKIE, "", rule.CookieLifetime
	if tokenName != nil && *tokenName != "" {
		kind, name, lifetime = session.KindTOKEN, *tokenName, rule.TokenLifetime
	}
	secret, s, err := rule.StartSession(ctx, r.client, u, kind, name, lifetime)
	if err != nil {
		return nil, err
	}
	out := &SignInPayload{Viewer: viewerPayload(u), UserErrors: []*UserError{}}
	if kind == session.KindCOOKIE {
		setSessionCookie(ctx, secret, s.ExpiresAt)
	} else {
		out.Token = &secret
	}
	return out, nil
}

// updateUser runs a user update in a transaction (the global-admin guard may refuse it).
func (r *mutationResolver) updateUser(ctx context.Context, update func(*ent.Client) *ent.UserUpdateOne) (*UserPayload, error) {
	var u *ent.User
	err := r.change(ctx, activity.ResourceTypeUSER, nil, func(ctx context.Context, c *ent.Client) (err error) {
		u, err = update(c).Save(ctx)
		return err
	})
	if errs, err := userErrors(err); errs == nil || len(errs) > 0 {
		return &UserPayload{UserErrors: errs}, err
	}
	return &UserPayload{User: u.Unwrap(), UserErrors: []*UserError{}}, nil
}

// publicURL is where invitation links point: the configured public URL, or the request's origin.
func (r *mutationResolver) publicURL(ctx context.Context) string {
	if r.publicBase != "" {
		return r.publicBase
	}
	if req := requestFrom(ctx); req != nil {
		scheme := "http"
		if isHTTPS(req.r) {
			scheme = "https"
		}
		return scheme + "://" + req.r.Host
	}
	return ""
}

// permissionActions maps the API's permissions to the role matrix's actions.
var permissionActions = map[Permission]rule.Action{
	PermissionViewCustomers: rule.ViewCustomers, PermissionExportCustomers: rule.ExportCustomers,
	PermissionAddCustomer: rule.AddCustomer, PermissionUpdateBilling: rule.UpdateBilling,
	PermissionManageTags: rule.ManageTags, PermissionRequestRelationship: rule.RequestRelationship,
	PermissionRemoveRelationship: rule.RemoveRelationship, PermissionConfirmAgreement: rule.ConfirmAgreement,
	PermissionPurchasePermissions: rule.PurchasePermissions, PermissionCostVisibility: rule.CostVisibility,
	PermissionPlaceOrders: rule.PlaceOrders, PermissionViewActivity: rule.ViewActivity, PermissionManageUsers: rule.ManageUsers,
}

// viewerPayload is the Viewer of a signed-in user, with what its roles allow.
func viewerPayload(u *ent.User) *Viewer {
	v := &Viewer{User: u, Partner: u.Edges.Partner, Permissions: []Permission{}}
	vw := &viewer.Viewer{Roles: u.Roles}
	for _, p := range AllPermission {
		if rule.Can(vw, permissionActions[p]) {
			v.Permissions = append(v.Permissions, p)
		}
	}
	return v
}
