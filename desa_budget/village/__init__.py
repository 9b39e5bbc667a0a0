"""The village itself: its profile, the roster categories, kode desa and NIK checks.
Read by every package above it; depends only on store.
"""
