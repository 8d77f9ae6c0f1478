package rule

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"partnerhub/ent"
	"partnerhub/ent/invitation"
	"partnerhub/ent/schema/clock"
	"partnerhub/ent/schema/enum"
	"partnerhub/ent/session"
	"partnerhub/ent/user"
	"partnerhub/ent/validate"
	"partnerhub/ent/viewer"
)

// Session lifetimes and the sign-in lockout.
const (
	CookieIdle         = 12 * time.Hour      // a browser session unused this long ends
	CookieLifetime     = 7 * 24 * time.Hour  // and every browser session ends after this
	TokenLifetime      = 90 * 24 * time.Hour // default lifetime of an access token
	MaxTokenLifetime   = 365 * 24 * time.Hour
	InvitationExpiry   = 7 * 24 * time.Hour
	FailuresBeforeLock = 5
	LockFor            = 15 * time.Minute
	touchEvery         = time.Minute
	MinPasswordLength  = 12
)

// Sign-in errors. Unknown emails and wrong passwords get the same one.
var (
	ErrBadCredentials = Errorf("", CodeInvalid, "The email or password is not right.")
	ErrSessionInvalid = errors.New("session invalid or expired")
)

// LockedError refuses sign-in while an account is locked after repeated failures.
func lockedError(until time.Time) *FieldError {
	return Errorf("", "LOCKED", "Too many failed sign-ins. Try again after %s UTC.", until.UTC().Format("15:04"))
}

// Argon2id parameters (OWASP's recommended minimum: 19 MiB, 2 passes).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

// HashPassword returns the argon2id hash of password in PHC form.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches a hash made by HashPassword.
func CheckPassword(hash, password string) bool {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	want, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil {
		return false
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// slowDown delays a failed sign-in answer, longer after each failure, to slow guessing.
func slowDown(ctx context.Context, failures int) {
	select {
	case <-time.After(time.Duration(min(max(failures, 1), 4)) * 250 * time.Millisecond):
	case <-ctx.Done():
	}
}

// dummyHash is checked against when the email is unknown, so both cases take as long.
var dummyHash, _ = HashPassword("not a password of anyone")

// CheckNewPassword refuses passwords too short or too long to be good ones.
func CheckNewPassword(password string) error {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return Errorf("password", CodeTooShort, "Use at least %d characters.", MinPasswordLength)
	case n > 256:
		return Errorf("password", CodeTooLong, "Use at most 256 characters.")
	}
	return nil
}

// SignIn checks an email and password. Each failure slows the next answer a little; after
// FailuresBeforeLock failures in a row the account is locked for LockFor, even for the right password.
func SignIn(ctx context.Context, client *ent.Client, email, password string) (*ent.User, error) {
	ctx = viewer.SystemContext(ctx)
	u, err := client.User.Query().Where(user.Email(EmailKey(email))).WithPartner().Only(ctx)
	if ent.IsNotFound(err) {
		// As long as a wrong password takes, so that answers do not tell which emails have accounts.
		CheckPassword(dummyHash, password)
		slowDown(ctx, 1)
		return nil, ErrBadCredentials
	}
	if err != nil {
		return nil, err
	}
	now := clock.Now()
	if u.LockedUntil != nil && u.LockedUntil.After(now) {
		return nil, lockedError(*u.LockedUntil)
	}
	if !u.Active || u.PasswordHash == "" || !CheckPassword(u.PasswordHash, password) {
		// Counted with an atomic increment, so parallel guesses are all counted.
		counted, err := client.User.UpdateOneID(u.ID).AddFailedSignIns(1).Save(ctx)
		if err != nil {
			return nil, err
		}
		failures := counted.FailedSignIns
		if failures >= FailuresBeforeLock {
			if err := client.User.UpdateOneID(u.ID).SetLockedUntil(now.Add(LockFor)).SetFailedSignIns(0).Exec(ctx); err != nil {
				return nil, err
			}
		}
		slowDown(ctx, failures)
		if failures >= FailuresBeforeLock {
			return nil, lockedError(now.Add(LockFor))
		}
		return nil, ErrBadCredentials
	}
	u, err = client.User.UpdateOneID(u.ID).SetFailedSignIns(0).ClearLockedUntil().SetLastSignInAt(now).Save(ctx)
	if err != nil {
		return nil, err
	}
	return client.User.Query().Where(user.ID(u.ID)).WithPartner().Only(ctx)
}

// NewSecret returns a new random secret with the given prefix and the hash to store for it.
func NewSecret(prefix string) (secret, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	secret = prefix + base64.RawURLEncoding.EncodeToString(b)
	return secret, HashSecret(secret)
}

// HashSecret is how secrets are stored: SHA-256 in hex (they are random, so no salt is needed).
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// StartSession creates a session for u and returns its secret (shown once, never stored).
func StartSession(ctx context.Context, client *ent.Client, u *ent.User, kind session.Kind, name string, lifetime time.Duration) (string, *ent.Session, error) {
	prefix := map[session.Kind]string{session.KindCOOKIE: "phs_", session.KindTOKEN: "pht_"}[kind]
	secret, hash := NewSecret(prefix)
	now := clock.Now()
	s, err := client.Session.Create().SetUserID(u.ID).SetKind(kind).SetName(name).SetSecretHash(hash).
		SetExpiresAt(now.Add(lifetime)).SetLastUsedAt(now).Save(viewer.SystemContext(ctx))
	return secret, s, err
}

// NewAccessToken creates an access token for u: a name (1–100 characters, such as the device it is
// for) and a lifetime of 1 to 365 days. The secret is returned once.
func NewAccessToken(ctx context.Context, client *ent.Client, u *ent.User, name string, days int) (string, *ent.Session, error) {
	var ps problems
	if n := utf8.RuneCountInString(strings.TrimSpace(name)); n == 0 || n > 100 {
		ps = append(ps, Errorf("name", CodeRequired, "Name the token (1 to 100 characters), such as the device it is for."))
	}
	if days < 1 || days > int(MaxTokenLifetime/(24*time.Hour)) {
		ps = append(ps, Errorf("expiresInDays", CodeInvalid, "Choose between 1 and 365 days."))
	}
	if err := ps.err(); err != nil {
		return "", nil, err
	}
	return StartSession(ctx, client, u, session.KindTOKEN, strings.TrimSpace(name), time.Duration(days)*24*time.Hour)
}

// Authenticate returns the session of a secret, with its user and partner, if it is valid: not revoked,
// not expired, not idle too long (browser sessions), and its user active.
func Authenticate(ctx context.Context, client *ent.Client, secret string) (*ent.Session, error) {
	ctx = viewer.SystemContext(ctx)
	s, err := client.Session.ForAuth(ctx, session.SecretHash(HashSecret(secret))) // one statement: every request does this
	if ent.IsNotFound(err) {
		return nil, ErrSessionInvalid
	}
	if err != nil {
		return nil, err
	}
	now := clock.Now()
	switch {
	case s.RevokedAt != nil, now.After(s.ExpiresAt), !s.Edges.User.Active,
		s.Kind == session.KindCOOKIE && now.After(s.LastUsedAt.Add(CookieIdle)):
		return nil, ErrSessionInvalid
	}
	if now.Sub(s.LastUsedAt) > touchEvery {
		// Kept coarse so that a busy client does not write on every request.
		if err := client.Session.UpdateOneID(s.ID).SetLastUsedAt(now).Exec(ctx); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Invite creates an inactive user of the viewer's partner and an invitation whose link secret sets the
// password. The secret is returned once.
func Invite(ctx context.Context, client *ent.Client, email, name string, roles []enum.Role) (string, *ent.Invitation, error) {
	v := viewer.FromContext(ctx)
	if v == nil {
		return "", nil, ErrNoViewer
	}
	if !Can(v, ManageUsers) {
		return "", nil, Forbidden(ManageUsers)
	}
	if len(roles) == 0 {
		return "", nil, Errorf("roles", CodeRequired, "Give the new user at least one role.")
	}
	email = strings.TrimSpace(email)
	if p := validate.Email(email, nil); p != nil {
		return "", nil, Errorf("email", Code(p.Code), "%s", p.Message)
	}
	// Stored as EmailKey, the address is unique whatever its case: the index refuses one already taken
	// (by any partner's user), also when two people invite it at the same moment.
	u, err := client.User.Create().SetPartnerID(v.PartnerID).SetEmail(email).SetName(name).
		SetRoles(roles).SetActive(false).Save(ctx)
	if ent.IsConstraintError(err) {
		return "", nil, Errorf("email", CodeTaken, "Someone with this email already has an account.")
	}
	if err != nil {
		return "", nil, err
	}
	secret, hash := NewSecret("phi_")
	inv, err := client.Invitation.Create().SetPartnerID(v.PartnerID).SetUserID(u.ID).SetInvitedByID(v.UserID).
		SetEmail(email).SetRoles(roles).SetSecretHash(hash).SetExpiresAt(clock.Now().Add(InvitationExpiry)).Save(ctx)
	return secret, inv, err
}

// AcceptInvitation sets the invited user's password and activates it.
func AcceptInvitation(ctx context.Context, client *ent.Client, secret, password string) (*ent.User, error) {
	ctx = viewer.SystemContext(ctx)
	inv, err := client.Invitation.Query().Where(invitation.SecretHash(HashSecret(secret))).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, Errorf("token", CodeNotFound, "This invitation link is not valid.")
	}
	if err != nil {
		return nil, err
	}
	if inv.AcceptedAt != nil {
		return nil, Errorf("token", CodeInvalid, "This invitation has been used already. Sign in instead.")
	}
	if clock.Now().After(inv.ExpiresAt) {
		return nil, Errorf("token", CodeInvalid, "This invitation has expired. Ask your administrator for a new one.")
	}
	if err := CheckNewPassword(password); err != nil {
		return nil, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return nil, err
	}
	if err := client.User.UpdateOneID(inv.UserID).SetPasswordHash(hash).SetActive(true).Exec(ctx); err != nil {
		return nil, err
	}
	if err := client.Invitation.UpdateOneID(inv.ID).SetAcceptedAt(clock.Now()).Exec(ctx); err != nil {
		return nil, err
	}
	return client.User.Query().Where(user.ID(inv.UserID)).WithPartner().Only(ctx)
}
