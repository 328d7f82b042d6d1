"""Accounts, permissions and the audit trail (sign-in, departments, collections): the room the multi-user issue
moves into. Every store and search call will take the caller's scope from here."""
