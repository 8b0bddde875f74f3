"""SCIM 2.0 provisioning: an identity provider creates, updates and deactivates people and maps groups."""
