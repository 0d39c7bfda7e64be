"""Federation with other nodes over TAXII 2.1: the client that pulls from and pushes to a
remote collection (:mod:`accord.federation.client`). What is synced, and when, is the
service's (accord.service.sync)."""
