package validate

import (
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// maxPhoneInput bounds what is handed to the parser.
const maxPhoneInput = 40

// Phone checks a phone number for a country (ISO 3166-1 alpha-2) with
// Google's libphonenumber data and returns it in E.164 form
// ("+48223456789"). The number may be typed in the national format
// ("22 345 67 89"), with the international prefix ("0048 22…") or in the
// international format ("+48 22 345 67 89"); it must be a valid number of
// that country. An empty country accepts any valid number in international
// format. Only digits, spaces and + ( ) - . / are accepted: no extensions
// or letters.
//
// An empty number is REQUIRED. Where the phone is optional (see
// RequiresPhone), skip the call for an empty number.
func Phone(number, country string) (e164 string, p *Problem) {
	v, ok := clean(number)
	if !ok {
		return "", errNotUTF8
	}
	if v == "" {
		return "", required("Enter a phone number.")
	}
	if utf8.RuneCountInString(v) > maxPhoneInput {
		return "", tooLong(maxPhoneInput)
	}
	for i, r := range v {
		switch {
		case r >= '0' && r <= '9', r == ' ', r == '\u00a0', r == '(', r == ')', r == '-', r == '.', r == '/':
		case r == '+' && i == 0:
		default:
			return "", invalid("Use only digits, spaces and + ( ) - in a phone number, such as %s.", phoneExample(country))
		}
	}

	region := normCountry(country)
	if region == "" {
		region = "ZZ" // unknown: only the international format parses
	} else if lookup(region) == nil {
		return "", invalid("Choose the country of the phone number.")
	}

	num, err := phonenumbers.Parse(v, region)
	if err != nil || !phonenumbers.IsValidNumber(num) {
		if region == "ZZ" {
			return "", invalid("Enter a valid phone number in international format, starting with + and the country code, such as %s.", phoneExample(region))
		}
		return "", invalid("This is not a valid phone number for %s; use a number such as %s.", countryName(region), phoneExample(region))
	}
	if region != "ZZ" && !phonenumbers.IsValidNumberForRegion(num, region) {
		return "", invalid("This phone number belongs to another country (+%d); enter a number in %s, such as %s.",
			num.GetCountryCode(), countryName(region), phoneExample(region))
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}

// RequiresPhone reports whether customers in the country must give a phone
// number: the same 24 countries that require a registration ID (domain.md
// §6).
func RequiresPhone(country string) bool {
	return RequiresRegistrationID(country)
}

// phoneExample is an example number of the region in international format.
func phoneExample(region string) string {
	region = normCountry(region)
	if ex := phonenumbers.GetExampleNumber(region); ex != nil && region != "" && region != "ZZ" {
		return phonenumbers.Format(ex, phonenumbers.INTERNATIONAL)
	}
	return "+1 425 555 0100"
}
