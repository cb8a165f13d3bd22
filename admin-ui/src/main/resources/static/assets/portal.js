// Switchboard portal: copy buttons, confirmations, provider picker, payload preview, select-all, live list,
// route filter builder and its try-it, live result of a destination's transformation.
(function () {
	'use strict';

	document.addEventListener('click', function (event) {
		var button = event.target.closest('button[data-copy]');
		if (!button) {
			return;
		}
		var source = document.getElementById(button.getAttribute('data-copy'));
		var text = source ? source.textContent : '';
		var done = function () {
			var label = button.textContent;
			button.textContent = 'Copied';
			setTimeout(function () { button.textContent = label; }, 1500);
		};
		if (navigator.clipboard && window.isSecureContext) {
			navigator.clipboard.writeText(text).then(done);
		}
		else {
			var area = document.createElement('textarea');
			area.value = text;
			document.body.appendChild(area);
			area.select();
			document.execCommand('copy');
			area.remove();
			done();
		}
	});

	document.addEventListener('submit', function (event) {
		var message = event.target.getAttribute('data-confirm');
		if (message && !window.confirm(message)) {
			event.preventDefault();
		}
	});

	function showProviderFields() {
		var checked = document.querySelector('input[name=provider]:checked');
		document.querySelectorAll('[data-provider]').forEach(function (block) {
			block.hidden = !checked || block.getAttribute('data-provider') !== checked.value;
		});
	}
	document.addEventListener('change', function (event) {
		if (event.target.name === 'provider') {
			showProviderFields();
		}
		if (event.target.id === 'payloadFormat') {
			var picked = event.target.value;
			document.querySelectorAll('#payload-preview .format').forEach(function (format) {
				format.classList.toggle('picked', format.getAttribute('data-format') === picked);
			});
		}
		if (event.target.hasAttribute('data-select-all')) {
			var name = event.target.getAttribute('data-select-all');
			document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (box) {
				box.checked = event.target.checked;
			});
		}
	});

	function refresh(body) {
		var url = body.getAttribute('data-refresh');
		setInterval(function () {
			if (document.hidden) {
				return;
			}
			fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
				.then(function (response) { return response.ok ? response.text() : null; })
				.then(function (html) {
					if (html === null) {
						return;
					}
					var template = document.createElement('template');
					template.innerHTML = '<table>' + html + '</table>';
					var fresh = template.content.querySelector('tbody');
					if (fresh) {
						body.innerHTML = fresh.innerHTML;
					}
				})
				.catch(function () { });
		}, 3000);
	}

	function follow(block) {
		var timer = setInterval(function () {
			var url = block.getAttribute('data-refresh-fragment');
			if (!url) {
				clearInterval(timer);
				return;
			}
			fetch(url, { credentials: 'same-origin' })
				.then(function (response) { return response.ok ? response.text() : null; })
				.then(function (html) {
					if (html === null) {
						return;
					}
					var template = document.createElement('template');
					template.innerHTML = html;
					var fresh = template.content.firstElementChild;
					if (fresh) {
						block.innerHTML = fresh.innerHTML;
						var next = fresh.getAttribute('data-refresh-fragment');
						if (next) {
							block.setAttribute('data-refresh-fragment', next);
						}
						else {
							block.removeAttribute('data-refresh-fragment');
						}
					}
				})
				.catch(function () { });
		}, 1000);
	}

	// Posts a form's fields (with its CSRF token) to a "try it" endpoint; gives its JSON answer.
	function tryOn(url, form, fields) {
		var body = new URLSearchParams();
		body.set('_csrf', form.querySelector('input[name=_csrf]').value);
		Object.keys(fields).forEach(function (name) { body.set(name, fields[name]); });
		return fetch(url, { method: 'POST', body: body, credentials: 'same-origin',
			headers: { 'Accept': 'application/json' } })
			.then(function (response) { return response.json(); });
	}

	function problems(errors) {
		return Object.keys(errors).map(function (field) { return errors[field]; }).join(' ');
	}

	// A value as people type it: numbers, true/false and null as JSON, the rest as text.
	function typedValue(text) {
		var trimmed = text.trim();
		if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
			return Number(trimmed);
		}
		if (trimmed === 'true' || trimmed === 'false') {
			return trimmed === 'true';
		}
		if (trimmed === 'null') {
			return null;
		}
		return text;
	}

	function operand(operator, text) {
		if (operator === '$in' || operator === '$nin') {
			return text.split(',').map(function (part) { return typedValue(part.trim()); });
		}
		if (operator === '$exists') {
			return text.trim() !== 'false';
		}
		if (operator === '$startsWith' || operator === '$endsWith' || operator === '$regex') {
			return text;
		}
		return typedValue(text);
	}

	// Writes the conditions as one rule: a field's tests merge into one object of operators.
	function ruleOf(rows) {
		var rule = {};
		rows.forEach(function (row) {
			var field = row.querySelector('.filter-field').value.trim();
			if (!field) {
				return;
			}
			var operator = row.querySelector('.filter-operator').value;
			var value = operand(operator, row.querySelector('.filter-value').value);
			var tests = (rule[field] !== undefined && rule[field] !== null && typeof rule[field] === 'object'
				&& !Array.isArray(rule[field])) ? rule[field] : (rule[field] === undefined ? {} : { $eq: rule[field] });
			tests[operator] = value;
			var keys = Object.keys(tests);
			rule[field] = (keys.length === 1 && keys[0] === '$eq' && (tests.$eq === null || typeof tests.$eq !== 'object'))
				? tests.$eq : tests;
		});
		return rule;
	}

	function filterBuilder(builder) {
		var rows = builder.querySelector('[data-filter-rows]');
		var template = builder.querySelector('template[data-filter-row]');
		var json = builder.querySelector('textarea[name=filter]');
		// the rows write the JSON until someone edits the JSON by hand
		var manual = false;
		var write = function () {
			if (manual) {
				return;
			}
			var rule = ruleOf(rows.querySelectorAll('.filter-row'));
			json.value = Object.keys(rule).length ? JSON.stringify(rule, null, 2) : '';
		};
		var add = function (field, operator, value) {
			rows.appendChild(template.content.cloneNode(true));
			var row = rows.lastElementChild;
			if (field !== undefined) {
				row.querySelector('.filter-field').value = field;
				row.querySelector('.filter-operator').value = operator;
				row.querySelector('.filter-value').value = Array.isArray(value) ? value.join(', ')
					: (typeof value === 'string' ? value : JSON.stringify(value));
			}
		};
		json.addEventListener('input', function () { manual = true; });
		builder.querySelector('[data-filter-add]').addEventListener('click', function () {
			add();
		});
		rows.addEventListener('input', write);
		rows.addEventListener('change', write);
		rows.addEventListener('click', function (event) {
			if (event.target.closest('.filter-remove')) {
				event.target.closest('.filter-row').remove();
				write();
			}
		});
		if (!json.value.trim()) {
			add();
		}
		else {
			// a saved rule: shown as rows when it is one the rows can write, else left as JSON
			try {
				var saved = JSON.parse(json.value);
				var simple = Object.keys(saved).every(function (field) { return field.charAt(0) !== '$'; });
				if (simple) {
					Object.keys(saved).forEach(function (field) {
						var tests = saved[field];
						var operators = tests !== null && typeof tests === 'object' && !Array.isArray(tests)
							&& Object.keys(tests).length > 0
							&& Object.keys(tests).every(function (key) { return key.charAt(0) === '$'; });
						if (operators) {
							Object.keys(tests).forEach(function (operator) { add(field, operator, tests[operator]); });
						}
						else {
							add(field, '$eq', tests);
						}
					});
				}
				else {
					manual = true;
				}
			}
			catch (ignored) {
				manual = true;
			}
		}
		var tryButton = builder.querySelector('#filter-try');
		var result = builder.querySelector('#filter-result');
		tryButton.addEventListener('click', function () {
			var form = builder.closest('form');
			result.textContent = 'Trying…';
			result.className = '';
			tryOn(tryButton.getAttribute('data-url'), form, {
				sourceId: form.querySelector('[name=sourceId]').value,
				eventTypes: form.querySelector('[name=eventTypes]').value,
				filter: json.value,
				on: builder.querySelector('#filter-on').value
			})
				.then(function (answer) {
					if (answer.errors) {
						result.textContent = problems(answer.errors);
						result.className = 'refused';
					}
					else if (answer.matches) {
						result.textContent = 'Would be sent: ' + (answer.eventType || 'the event') + ' passes.';
						result.className = 'passes';
					}
					else {
						result.textContent = 'Held back: ' + (answer.eventTypeCarried
							? 'the rule does not match this event.'
							: (answer.eventType || 'this event') + ' is not among the route\'s event types.');
						result.className = 'held';
					}
				})
				.catch(function () {
					result.textContent = 'Could not try the rule; try again.';
					result.className = 'refused';
				});
		});
	}

	// Shows, as one types, the body a destination would be sent for the picked event.
	function transformEditor(editor) {
		var form = editor.closest('form');
		var expression = editor.querySelector('textarea[name=transform]');
		var on = editor.querySelector('#transform-on');
		var result = editor.querySelector('#transform-result');
		var timer = null;
		var run = function () {
			var format = form.querySelector('[name=payloadFormat]');
			tryOn(editor.getAttribute('data-url'), form, {
				payloadFormat: format ? format.value : 'original',
				transform: expression.value,
				on: on.value
			})
				.then(function (answer) {
					if (answer.errors) {
						result.textContent = problems(answer.errors);
						result.className = 'transform-result refused';
					}
					else if (answer.error) {
						result.textContent = 'The delivery would go dead: ' + answer.error;
						result.className = 'transform-result refused';
					}
					else {
						result.textContent = JSON.stringify(answer.body, null, 2);
						result.className = 'transform-result passes';
					}
				})
				.catch(function () {
					result.textContent = 'Could not run the expression; try again.';
					result.className = 'transform-result refused';
				});
		};
		var later = function () {
			clearTimeout(timer);
			timer = setTimeout(run, 300);
		};
		expression.addEventListener('input', later);
		on.addEventListener('change', run);
		var format = form.querySelector('[name=payloadFormat]');
		if (format) {
			format.addEventListener('change', run);
		}
		run();
	}

	document.addEventListener('DOMContentLoaded', function () {
		showProviderFields();
		document.querySelectorAll('[data-transform-editor]').forEach(transformEditor);
		document.querySelectorAll('[data-filter-builder]').forEach(filterBuilder);
		document.querySelectorAll('tbody[data-refresh]').forEach(refresh);
		document.querySelectorAll('[data-refresh-fragment]').forEach(follow);
	});
})();
