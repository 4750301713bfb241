-- What a guest wants of a place (romantic, pet-friendly, parking, ...), as feature terms joined by "|",
-- so that what is offered in a later turn is still ranked by it.
ALTER TABLE guest_context ADD COLUMN features VARCHAR(512);
