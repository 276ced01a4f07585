"""Pipeline stages, one module each: read -> nlp -> link -> relate -> build -> export.

`extract` runs the per-document stages (nlp, link within the document, relate); `corpus` links
entities across documents; `runner` ties the stages into the `newsgraph run` command.
"""
