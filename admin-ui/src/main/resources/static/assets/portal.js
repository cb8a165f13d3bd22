// Switchboard portal: copy buttons, confirmations, provider picker, payload preview, select-all, live list.
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

	document.addEventListener('DOMContentLoaded', function () {
		showProviderFields();
		document.querySelectorAll('tbody[data-refresh]').forEach(refresh);
		document.querySelectorAll('[data-refresh-fragment]').forEach(follow);
	});
})();
